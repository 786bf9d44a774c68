import { describe, expect, it } from "vitest";
import { toAppError } from "../platform/http/error-handler.js";
import { classifyDatabaseError, DatabaseUnavailableError, isConnectionLoss } from "./connection-errors.js";

const pgError = (code: string, message = "x") =>
  Object.assign(new Error(message), { code, severity: "FATAL" });
const socketError = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code });

describe("errors of a lost database connection", () => {
  it.each([
    ["57P01", "terminating connection due to administrator command"],
    ["57P02", "terminating connection because of crash of another server process"],
    ["57P03", "the database system is starting up"],
    ["25P03", "terminating connection due to idle-in-transaction timeout"],
    ["08006", "connection failure"],
    ["08P01", "protocol violation"],
    ["25006", "cannot execute INSERT in a read-only transaction"],
  ])("answers SQLSTATE %s with 503 and Retry-After, not 500", (code, message) => {
    const error = toAppError(pgError(code, message));
    expect(error?.status).toBe(503);
    expect(error?.code).toBe("UNAVAILABLE");
    expect(error?.headers["retry-after"]).toMatch(/^\d+$/);
    expect(error?.message).not.toContain(message);
  });

  it.each(["ECONNRESET", "ECONNREFUSED", "EPIPE", "ETIMEDOUT"])(
    "answers socket error %s with 503",
    (code) => {
      expect(toAppError(socketError(code))?.status).toBe(503);
    },
  );

  it.each([
    "Connection terminated unexpectedly",
    "Connection terminated",
    "Client has encountered a connection error and is not queryable",
    "timeout exceeded when trying to connect",
  ])("answers node-postgres's '%s' with 503", (message) => {
    expect(toAppError(new Error(message))?.status).toBe(503);
  });

  it("answers the typed error of the database layer with 503", () => {
    const typed = classifyDatabaseError(pgError("57P01"));
    expect(typed).toBeInstanceOf(DatabaseUnavailableError);
    expect(toAppError(typed)?.status).toBe(503);
  });

  it("leaves errors of the statement itself alone", () => {
    const unique = pgError("23505");
    expect(isConnectionLoss(unique)).toBe(false);
    expect(classifyDatabaseError(unique)).toBe(unique);
    expect(isConnectionLoss(pgError("XX000"))).toBe(false);
    expect(isConnectionLoss(new Error("Something else terminated"))).toBe(false);
    expect(toAppError(new Error("boom"))).toBeUndefined();
  });
});
