import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../config.js";
import { isPoolerPreparedError } from "./prepared.js";

describe("a transaction pooler's prepared-statement errors", () => {
  it("recognises a missing or taken statement name of Accord's, and nothing else", () => {
    const error = (code: string, message: string) => Object.assign(new Error(message), { code });
    expect(isPoolerPreparedError(error("26000", 'prepared statement "kAb_9-x" does not exist'))).toBe(true);
    expect(isPoolerPreparedError(error("42P05", 'prepared statement "kAb_9-x" already exists'))).toBe(true);
    expect(isPoolerPreparedError(error("26000", 'prepared statement "mine" does not exist'))).toBe(false);
    expect(isPoolerPreparedError(error("42P01", 'relation "k" does not exist'))).toBe(false);
    expect(isPoolerPreparedError(undefined)).toBe(false);
  });

  it("reads DATABASE_POOLER and DATABASE_DIRECT_URL", () => {
    expect(loadConfig({}).databasePooler).toBe("none");
    const pooled = loadConfig({
      DATABASE_POOLER: "transaction",
      DATABASE_DIRECT_URL: "postgres://db/accord",
    });
    expect(pooled.databasePooler).toBe("transaction");
    expect(pooled.databaseDirectUrl).toBe("postgres://db/accord");
    expect(() => loadConfig({ DATABASE_POOLER: "statement" })).toThrow(ConfigError);
  });
});
