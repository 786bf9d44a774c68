import { randomBytes, timingSafeEqual } from "node:crypto";
import * as client from "openid-client";
import type { Config, OidcConfig } from "../../config.js";
import { writeAudit } from "../../platform/audit.js";
import { AppError, notFound } from "../../platform/errors.js";
import type { Ctx } from "../../platform/http/request-context.js";
import { enforceRateLimit } from "../../platform/rate-limit.js";
import * as attempts from "./oidc.queries.js";
import { createSession, deleteSession, hashToken, type NewSession } from "./sessions.js";

export const OIDC_ATTEMPT_MINUTES = 10;
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Discovered provider metadata is cached per process; login attempts themselves live in PostgreSQL. */
let discovered: { key: string; configuration: Promise<client.Configuration> } | undefined;

function configured(config: Config): OidcConfig {
  if (!config.oidc) throw notFound("Single sign-on is not configured on this server; it");
  return config.oidc;
}

function providerConfiguration(oidc: OidcConfig): Promise<client.Configuration> {
  const key = `${oidc.issuer}|${oidc.clientId}`;
  if (discovered?.key !== key) {
    const issuer = new URL(oidc.issuer);
    // Plain HTTP only for a provider on this machine (a test or a local identity provider), never over a network.
    const insecure = issuer.protocol === "http:" && LOCAL_HOSTS.has(issuer.hostname);
    const configuration = client
      .discovery(issuer, oidc.clientId, oidc.clientSecret, undefined, {
        ...(insecure ? { execute: [client.allowInsecureRequests] } : {}),
        timeout: 10,
      })
      .catch((error: unknown) => {
        discovered = undefined;
        throw error;
      });
    discovered = { key, configuration };
  }
  return discovered.configuration;
}

// Whitespace, control and format characters anywhere (browsers drop a tab or newline from a URL, so `/\t/evil`
// becomes `//evil`), and backslashes (read as slashes by browsers).
const UNSAFE_IN_PATH = /[\s\p{C}\\]/u;
const PLACEHOLDER_ORIGIN = "https://accord.invalid";

function isSameOriginPath(value: string): boolean {
  if (!value.startsWith("/") || value.startsWith("//") || UNSAFE_IN_PATH.test(value)) return false;
  return new URL(value, PLACEHOLDER_ORIGIN).origin === PLACEHOLDER_ORIGIN;
}

/**
 * Only a path on this site, checked as given and once more after percent-decoding: anything else (an absolute URL,
 * `//host`, `/\host`, a control character or whitespace anywhere) would make the sign-in an open redirect.
 */
export function safeReturnTo(returnTo: string | undefined): string {
  if (!returnTo || returnTo.length > 500) return "/";
  let decoded: string;
  try {
    decoded = decodeURIComponent(returnTo);
  } catch {
    return "/";
  }
  return isSameOriginPath(returnTo) && isSameOriginPath(decoded) ? returnTo : "/";
}

/**
 * Starts a sign-in at the provider: state, nonce and PKCE verifier are kept server-side, for ten minutes, once.
 * The state is the hash of a secret that only the initiating browser holds, in a cookie: a callback URL opened in
 * another browser (an attacker's unused sign-in, sent to a victim to sign them in as the attacker) lacks it.
 */
export async function beginOidcLogin(
  ctx: Ctx,
  returnTo: string | undefined,
  ip: string,
): Promise<{ url: URL; browserBinding: string }> {
  const oidc = configured(ctx.config);
  await enforceRateLimit(ctx.db, `oidc-ip:${ip}`, 30, 60);
  const configuration = await providerConfiguration(oidc).catch(() => {
    throw new AppError("UNAVAILABLE", "The single sign-on provider cannot be reached; try again later");
  });
  const browserBinding = randomBytes(32).toString("base64url");
  const state = hashToken(browserBinding);
  const nonce = client.randomNonce();
  const codeVerifier = client.randomPKCECodeVerifier();
  await attempts.storeAttempt(ctx.db, {
    state,
    nonce,
    codeVerifier,
    returnTo: safeReturnTo(returnTo),
    expiresAt: new Date(Date.now() + OIDC_ATTEMPT_MINUTES * 60_000),
  });
  if (Math.random() < 0.05) await attempts.deleteExpiredAttempts(ctx.db);
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: oidc.redirectUri,
    scope: "openid email profile",
    state,
    nonce,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
  });
  return { url, browserBinding };
}

/** The callback's state must be the hash of the binding cookie this browser got when it started the sign-in. */
function startedInThisBrowser(state: string | undefined, browserBinding: string | undefined): boolean {
  if (!state || !browserBinding || browserBinding.length > 100) return false;
  const expected = Buffer.from(hashToken(browserBinding));
  const given = Buffer.from(state);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/**
 * Completes a sign-in: the attempt is consumed (single use), the code exchanged with PKCE, the ID token's nonce
 * checked, and the configured claim matched to an existing Accord username. Accounts are never created here.
 */
export async function completeOidcLogin(
  ctx: Ctx,
  query: Record<string, string | undefined>,
  browserBinding: string | undefined,
  client_: { ip: string; userAgent?: string; previousTokenHash?: string },
): Promise<NewSession & { userId: string; returnTo: string }> {
  const oidc = configured(ctx.config);
  await enforceRateLimit(ctx.db, `oidc-ip:${client_.ip}`, 30, 60);
  const state = query.state;
  // Checked before the attempt is consumed, so a victim's browser cannot spend the attacker's attempt either.
  if (!startedInThisBrowser(state, browserBinding)) {
    throw new AppError(
      "VALIDATION_FAILED",
      "This sign-in was not started in this browser, or has expired; start again",
      [{ field: "query.state", message: "does not belong to this browser" }],
    );
  }
  const attempt = state ? await attempts.consumeAttempt(ctx.db, state) : undefined;
  if (!attempt) {
    throw new AppError("VALIDATION_FAILED", "This sign-in attempt is unknown or has expired; start again", [
      { field: "query.state", message: "unknown or expired" },
    ]);
  }
  if (query.error) {
    throw new AppError(
      "UNAUTHENTICATED",
      `The identity provider refused the sign-in (${query.error.slice(0, 100)})`,
    );
  }
  const configuration = await providerConfiguration(oidc);
  // The URL the provider redirected to, rebuilt from configuration rather than from the Host header.
  const currentUrl = new URL(oidc.redirectUri);
  for (const [name, value] of Object.entries(query))
    if (value !== undefined) currentUrl.searchParams.set(name, value);
  let claims: Record<string, unknown> | undefined;
  try {
    const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
      expectedState: attempt.state,
      expectedNonce: attempt.nonce,
      pkceCodeVerifier: attempt.codeVerifier,
      idTokenExpected: true,
    });
    claims = tokens.claims();
    // Many providers put profile claims (email among them) only in the userinfo response, not the ID token.
    if (claims?.sub && claims[oidc.usernameClaim] === undefined) {
      claims = {
        ...claims,
        ...(await client.fetchUserInfo(configuration, tokens.access_token, String(claims.sub))),
      };
    }
  } catch (error) {
    throw new AppError("UNAUTHENTICATED", `Single sign-on failed: ${(error as Error).name}`);
  }
  const subject = String(claims?.sub ?? "");
  const claimed = claims?.[oidc.usernameClaim];
  if (typeof claimed !== "string" || !claimed || !subject) {
    throw new AppError(
      "UNAUTHENTICATED",
      `The identity provider did not send the ${oidc.usernameClaim} claim`,
    );
  }
  // An unverified address may belong to anyone who typed it in at the provider.
  if (
    oidc.usernameClaim === "email" &&
    (claims?.email_verified === false || claims?.email_verified === "false")
  ) {
    throw new AppError("FORBIDDEN", "The identity provider has not verified this e-mail address");
  }
  const username = claimed.trim().toLowerCase();
  const user = await attempts.accountByUsername(ctx.db, username);
  if (!user || user.disabledAt) {
    throw new AppError(
      "FORBIDDEN",
      `No active Accord account has the username ${username}; ask an administrator to create it`,
    );
  }
  if (user.oidcSubject && user.oidcSubject !== subject) {
    throw new AppError("FORBIDDEN", "This Accord account is linked to another identity at the provider");
  }
  if (client_.previousTokenHash) await deleteSession(ctx.db, client_.previousTokenHash);
  const session = await createSession(ctx.db, ctx.config, user.id, client_);
  await ctx.db.transaction().execute(async (trx) => {
    await attempts.markSignedInWith(trx, user.id, subject);
    await writeAudit(
      trx,
      { viewer: { ...ctx.viewer, userId: user.id, username: user.username }, requestId: ctx.requestId },
      {
        action: "auth.login",
        recordType: "app_user",
        recordId: user.id,
        detail: { ip: client_.ip, method: "oidc", ...(user.oidcSubject ? {} : { linkedSubject: subject }) },
      },
    );
  });
  return { ...session, userId: user.id, returnTo: attempt.returnTo };
}
