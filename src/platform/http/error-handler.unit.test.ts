import { describe, expect, it } from "vitest";
import { fromPgError } from "./error-handler.js";

const pgError = (code: string, extra: Record<string, string> = {}) => ({ code, severity: "ERROR", ...extra });

describe("PostgreSQL errors caused by input", () => {
  it("turns a unique violation into 409 naming the key's fields in camelCase", () => {
    const error = fromPgError(pgError("23505", { detail: "Key (nation_id, kind)=(x, y) already exists." }));
    expect(error?.status).toBe(409);
    expect(error?.fields.map((f) => f.field)).toEqual(["body.nationId", "body.kind"]);
  });

  it("names the column behind an expression index such as lower(email)", () => {
    const error = fromPgError(pgError("23505", { detail: "Key (lower(email))=(a@b.c) already exists." }));
    expect(error?.fields.map((f) => f.field)).toEqual(["body.email"]);
    expect(error?.message).toBe("A record with this email already exists");
  });

  it("turns a missing referenced record into 422 and a still-referenced one into 409", () => {
    expect(
      fromPgError(pgError("23503", { detail: 'Key (parent_id)=(x) is not present in table "organisation".' }))
        ?.status,
    ).toBe(422);
    expect(
      fromPgError(pgError("23503", { detail: 'Key (id)=(x) is still referenced from table "person".' }))
        ?.status,
    ).toBe(409);
  });

  it("maps bad text representations to 400 and leaves unknown errors to the 500 path", () => {
    expect(fromPgError(pgError("22P02"))?.status).toBe(400);
    expect(fromPgError(pgError("XX000"))).toBeUndefined();
  });

  it("maps text PostgreSQL cannot store (NUL in jsonb 22P05, in text 22021) to 400, not 500", () => {
    expect(fromPgError(pgError("22P05"))?.status).toBe(400);
    expect(fromPgError(pgError("22021"))?.status).toBe(400);
  });
});
