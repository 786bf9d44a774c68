/**
 * Errors that say the database could not be reached or the connection was lost, as opposed to errors of the
 * statement itself: a DBA's pg_terminate_backend, an idle-session timeout, a restart or failover of the server,
 * the embedded PostgreSQL being restarted. The request caught by one cannot know whether the database did its
 * work (a lost COMMIT may or may not have landed) but nothing of it is half-applied: the transaction either
 * committed whole or not at all. Such a request answers 503 with Retry-After; the pool replaces the connection.
 */
export class DatabaseUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`The database connection was lost or could not be opened: ${describe(cause)}`, { cause });
    this.name = "DatabaseUnavailableError";
  }
}

const describe = (error: unknown) =>
  error instanceof Error
    ? `${(error as { code?: string }).code ?? ""} ${error.message}`.trim()
    : String(error);

/** SQLSTATEs of a backend that was ended or cannot take sessions, outside class 08 (connection exception). */
const LOST_SQLSTATES = new Set([
  "57P01", // admin_shutdown: pg_terminate_backend, a fast shutdown
  "57P02", // crash_shutdown: another backend crashed and the server is resetting
  "57P03", // cannot_connect_now: starting up, shutting down, in recovery
  "57P04", // database_dropped
  "57P05", // idle_session_timeout
  "25P03", // idle_in_transaction_session_timeout: the session is ended, not only the statement
  "53300", // too_many_connections
  // read_only_sql_transaction: a write reached a server that is (now) a standby, the old leader of a switchover or
  // failover in the second before the proxy in front (HAProxy on Patroni's /primary) cut its connections.
  "25006",
]);

/** Node's socket errors when the server is gone or does not answer. */
const LOST_ERRNOS = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTCONN",
  "EAI_AGAIN",
]);

/** node-postgres's own messages for a connection that ended or never opened. */
const LOST_MESSAGES = [
  /^Connection terminated/,
  /is not queryable/,
  /^timeout exceeded when trying to connect/,
  /^Connection terminated due to connection timeout/,
];

export function isConnectionLoss(error: unknown): boolean {
  if (error instanceof DatabaseUnavailableError) return true;
  if (typeof error !== "object" || error === null) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string") {
    if (LOST_SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code) || LOST_ERRNOS.has(code)) return true;
  }
  const message = (error as { message?: unknown }).message;
  return typeof message === "string" && LOST_MESSAGES.some((pattern) => pattern.test(message));
}

/** The error to throw for `error`: a DatabaseUnavailableError when it is a connection loss, else itself. */
export function classifyDatabaseError(error: unknown): unknown {
  return isConnectionLoss(error) && !(error instanceof DatabaseUnavailableError)
    ? new DatabaseUnavailableError(error)
    : error;
}

/**
 * Keeps a process alive through a lost connection whose failure reached no caller. graphile-worker (0.18) records
 * a job's success or failure without awaiting it (worker.js: `completeJob(job)`, `failJob(...)`), so a connection
 * terminated at that moment rejects a promise nobody holds, and Node ends the process on an unhandled rejection.
 * The job stays locked and the queue takes it up again later (the mail sweep re-adds delivery each minute). Any
 * other unhandled rejection still ends the process, as it would without this handler.
 */
export function surviveLostConnections(warn: (message: string) => void): void {
  if (process.listeners("unhandledRejection").some((listener) => listener === onUnhandled)) return;
  warnLost = warn;
  process.on("unhandledRejection", onUnhandled);
}

let warnLost: (message: string) => void = () => {};

function onUnhandled(reason: unknown): void {
  if (!isConnectionLoss(reason)) throw reason;
  warnLost(`a database connection was lost outside any request (${describe(reason)}); carrying on`);
}
