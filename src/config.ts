import path from "node:path";

/** Every setting Accord reads from the environment. This is the only module that touches process.env. */
export interface Config {
  /** Use this PostgreSQL server; when absent Accord runs its own embedded PostgreSQL in `dataDir`. */
  databaseUrl: string | undefined;
  /**
   * "transaction" when DATABASE_URL reaches a pooler in transaction mode (PgBouncer's pool_mode = transaction):
   * statements go unnamed, as PgBouncer before 1.21 keeps no prepared statements across transactions.
   */
  databasePooler: "none" | "transaction";
  /**
   * A direct (or session-pooled) connection for what needs a session of its own: the job queue's LISTEN for new
   * jobs. Absent: DATABASE_URL. Behind a transaction pooler without it, the queue finds new jobs by polling (2 s).
   */
  databaseDirectUrl: string | undefined;
  /**
   * Replicas for read-only requests (GET, HEAD), e.g. HAProxy's read-only port in front of a Patroni cluster's
   * standbys. A session that has written reads from a replica only once that replica has replayed its last write,
   * else from DATABASE_URL (db/read-routing.ts). Absent: every request uses DATABASE_URL. Ignored in embedded mode.
   */
  databaseReadUrl: string | undefined;
  /** Embedded PostgreSQL cluster, stored files and the instance lock live here. */
  dataDir: string;
  /** Port for the embedded PostgreSQL; 0 picks a free one. */
  embeddedPgPort: number;
  host: string;
  port: number;
  logLevel: string;
  /** Demo mode creates one account per role with a known password. Never on in production. */
  demo: boolean;
  /**
   * Served over HTTPS (directly or behind a proxy): cookies get the Secure flag and the `__Host-` name prefix, and
   * responses carry HSTS. Defaults to on when `publicUrl` is https.
   */
  secureCookies: boolean;
  /** Trust X-Forwarded-* headers from a reverse proxy. */
  trustProxy: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /** Failed sign-ins of one username from one address before each further attempt must wait. */
  loginMaxAttempts: number;
  /** The longest wait between attempts of one username from one address (the back-off doubles up to it). */
  loginLockMinutes: number;
  /** Failed sign-ins an hour of one username from addresses it has not signed in from before. */
  loginUserLimit: number;
  bodyLimitBytes: number;
  uploadLimitBytes: number;
  publicUrl: string;
  oidc: OidcConfig | undefined;
  redisUrl: string | undefined;
  mail: MailConfig;
  transparency: TransparencyConfig;
  /** How long a seat offered to a waitlisted nomination stays open before it expires and moves on (hours). */
  seatOfferHours: number;
  /**
   * The global search counts the matches of each kind up to this many and then says "more" (`capped`): counting
   * every match of a common word was most of its time (docs/search-plans.md, fourth round).
   */
  searchCountCap: number;
}

/** The transparency log over the audit trail (issue 25; docs/operations.md, "Transparency log"). */
export interface TransparencyConfig {
  /**
   * The Ed25519 private key that signs tree heads: PEM, or base64 of its PKCS#8 DER. Absent: the key in
   * `<dataDir>/transparency/signing-key.pem`, generated on first use.
   */
  signingKey: string | undefined;
  /** The name of this log in its signed heads (default: the public URL). */
  origin: string;
  /** As a witness: the logs this instance accepts heads of, each origin with a public key (SPKI DER, base64). */
  trustedLogs: { origin: string; publicKey: string }[];
  /**
   * The period of the job queue's signing (ACCORD_TLOG_SIGN_EVERY_MINUTES, default 5; a divisor of 60, or whole
   * hours dividing a day): at most one scheduled head per period across all instances, when the log has grown, the
   * key has changed, or the newest head is `maxHeadAgeMinutes` old.
   */
  signEveryMinutes: number;
  /** A scheduled head is signed even without growth once the newest is this old (default 60; 0: every period). */
  maxHeadAgeMinutes: number;
  /** Witness instances each scheduled head is pushed to (ACCORD_TLOG_WITNESSES, comma-separated base URLs). */
  witnesses: string[];
  /** A file each scheduled head is appended to, one JSON line a head (ACCORD_TLOG_HEAD_FILE), for an operator to copy. */
  headFile: string | undefined;
}

/** Periods the crontab can express evenly: divisors of an hour, or whole hours dividing a day. */
export const SIGN_PERIODS = [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 60, 120, 180, 240, 360, 480, 720, 1440];

function signEveryMinutes(env: NodeJS.ProcessEnv): number {
  const value = int(env, "ACCORD_TLOG_SIGN_EVERY_MINUTES", 5, 1);
  if (!SIGN_PERIODS.includes(value))
    throw new ConfigError(
      `ACCORD_TLOG_SIGN_EVERY_MINUTES must divide an hour or be whole hours dividing a day (${SIGN_PERIODS.join(", ")}), got ${value}`,
    );
  return value;
}

function pooler(raw: string | undefined): Config["databasePooler"] {
  if (!raw || raw === "none" || raw === "session") return "none";
  if (raw === "transaction") return "transaction";
  throw new ConfigError(`DATABASE_POOLER is none, session or transaction, got "${raw}"`);
}

function witnessUrls(raw: string | undefined): string[] {
  return (raw ?? "")
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((item) => {
      let url: URL;
      try {
        url = new URL(item);
      } catch {
        throw new ConfigError(`ACCORD_TLOG_WITNESSES items are http(s) addresses, got "${item}"`);
      }
      if (url.protocol !== "https:" && url.protocol !== "http:")
        throw new ConfigError(`ACCORD_TLOG_WITNESSES items are http(s) addresses, got "${item}"`);
      return item.replace(/\/+$/, "");
    });
}

function trustedLogs(raw: string | undefined): TransparencyConfig["trustedLogs"] {
  if (!raw) return [];
  return raw
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((item) => {
      // The origin ends at the first "=" (a base64 key may end in "=").
      const at = item.indexOf("=");
      if (at < 1) throw new ConfigError(`ACCORD_WITNESS_TRUST items are origin=publicKey, got "${item}"`);
      return { origin: item.slice(0, at), publicKey: item.slice(at + 1) };
    });
}

export interface MailConfig {
  /** smtp://user:pass@host:587 (STARTTLS when offered) or smtps://host:465; absent: the PostgreSQL mail catcher. */
  smtpUrl: string | undefined;
  /** The From address, e.g. `Accord <accord@example.org>`. */
  from: string;
  /** Refuse to send unless the server upgrades the connection with STARTTLS. */
  requireTls: boolean;
  /** Verify the server's certificate (turn off only for a test relay with a self-signed certificate). */
  tlsRejectUnauthorized: boolean;
  /** Run the job queue's worker (mail delivery, reminders) inside `accord serve`. */
  worker: boolean;
  /** SMTP connections (and messages in flight) per process. */
  concurrency: number;
  /** Attempts before a message is parked for an administrator. */
  maxAttempts: number;
  /** First retry after this many seconds, doubling each time (at most 6 hours). */
  retryBaseSeconds: number;
  /** A claimed message that is neither sent nor failed after this long (its worker died) is claimed again. */
  claimSeconds: number;
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** Claim that matches an Accord user's username (default: email). */
  usernameClaim: string;
}

export class ConfigError extends Error {}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new ConfigError(`${name} must be a whole number of at least ${min}, got "${raw}"`);
  }
  return value;
}

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  if (["1", "true", "yes", "on"].includes(raw.toLowerCase())) return true;
  if (["0", "false", "no", "off"].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function smtpUrl(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError("SMTP_URL must be a URL such as smtp://user:password@mail.example.org:587");
  }
  if (parsed.protocol !== "smtp:" && parsed.protocol !== "smtps:")
    throw new ConfigError(`SMTP_URL must start with smtp:// or smtps://, got "${parsed.protocol}"`);
  return raw;
}

function mailDomain(publicUrl: string): string {
  try {
    const host = new URL(publicUrl).hostname;
    return host.includes(".") && !/^[\d.]+$/.test(host) ? host : "accord.localhost";
  } catch {
    return "accord.localhost";
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const port = int(env, "PORT", 3000);
  const host = env.HOST || "127.0.0.1";
  const oidcIssuer = env.OIDC_ISSUER;
  let oidc: OidcConfig | undefined;
  if (oidcIssuer) {
    const clientId = env.OIDC_CLIENT_ID;
    const clientSecret = env.OIDC_CLIENT_SECRET;
    if (!clientId || !clientSecret) {
      throw new ConfigError("OIDC_ISSUER is set, so OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are required");
    }
    oidc = {
      issuer: oidcIssuer,
      clientId,
      clientSecret,
      redirectUri:
        env.OIDC_REDIRECT_URI ||
        `${env.ACCORD_PUBLIC_URL || `http://${host}:${port}`}/api/auth/oidc/callback`,
      usernameClaim: env.OIDC_USERNAME_CLAIM || "email",
    };
  }
  const publicUrl = env.ACCORD_PUBLIC_URL || `http://${host === "0.0.0.0" ? "localhost" : host}:${port}`;
  const config: Config = {
    databaseUrl: env.DATABASE_URL || undefined,
    databasePooler: pooler(env.DATABASE_POOLER),
    databaseDirectUrl: env.DATABASE_DIRECT_URL || undefined,
    databaseReadUrl: env.DATABASE_READ_URL || undefined,
    dataDir: path.resolve(env.ACCORD_DATA_DIR || "data"),
    embeddedPgPort: int(env, "ACCORD_EMBEDDED_PG_PORT", 0),
    host,
    port,
    logLevel: env.LOG_LEVEL || "info",
    demo: bool(env, "ACCORD_DEMO", false),
    secureCookies: bool(env, "ACCORD_SECURE_COOKIES", publicUrl.startsWith("https:")),
    trustProxy: bool(env, "ACCORD_TRUST_PROXY", false),
    sessionIdleMinutes: int(env, "ACCORD_SESSION_IDLE_MINUTES", 60, 1),
    sessionAbsoluteHours: int(env, "ACCORD_SESSION_ABSOLUTE_HOURS", 12, 1),
    loginMaxAttempts: int(env, "ACCORD_LOGIN_MAX_ATTEMPTS", 5, 1),
    loginLockMinutes: int(env, "ACCORD_LOGIN_LOCK_MINUTES", 15, 1),
    loginUserLimit: int(env, "ACCORD_LOGIN_USER_LIMIT", 100, 1),
    bodyLimitBytes: int(env, "ACCORD_BODY_LIMIT_BYTES", 1_048_576, 1024),
    uploadLimitBytes: int(env, "ACCORD_UPLOAD_LIMIT_BYTES", 20 * 1_048_576, 1024),
    publicUrl,
    oidc,
    redisUrl: env.REDIS_URL || undefined,
    mail: {
      smtpUrl: smtpUrl(env.SMTP_URL),
      from: env.MAIL_FROM || `Accord <accord@${mailDomain(env.ACCORD_PUBLIC_URL || `http://${host}`)}>`,
      requireTls: bool(env, "SMTP_REQUIRE_TLS", false),
      tlsRejectUnauthorized: bool(env, "SMTP_TLS_REJECT_UNAUTHORIZED", true),
      worker: bool(env, "ACCORD_WORKER", true),
      concurrency: int(env, "MAIL_CONCURRENCY", 8, 1),
      maxAttempts: int(env, "MAIL_MAX_ATTEMPTS", 8, 1),
      retryBaseSeconds: int(env, "MAIL_RETRY_BASE_SECONDS", 30, 1),
      claimSeconds: int(env, "MAIL_CLAIM_SECONDS", 120, 2),
    },
    transparency: {
      signingKey: env.ACCORD_TLOG_SIGNING_KEY || undefined,
      origin: env.ACCORD_TLOG_ORIGIN || publicUrl,
      trustedLogs: trustedLogs(env.ACCORD_WITNESS_TRUST),
      signEveryMinutes: signEveryMinutes(env),
      maxHeadAgeMinutes: int(env, "ACCORD_TLOG_MAX_HEAD_AGE_MINUTES", 60, 0),
      witnesses: witnessUrls(env.ACCORD_TLOG_WITNESSES),
      headFile: env.ACCORD_TLOG_HEAD_FILE || undefined,
    },
    seatOfferHours: int(env, "ACCORD_SEAT_OFFER_HOURS", 72, 1),
    searchCountCap: int(env, "ACCORD_SEARCH_COUNT_CAP", 1000, 1),
    ...overrides,
  };
  return Object.freeze(config);
}
