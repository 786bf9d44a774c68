import { describe, expect, it } from "vitest";
import {
  constraintError,
  isExclusionViolation,
  isForeignKeyViolation,
  isUniqueViolation,
  violationOf,
} from "./constraint-errors.js";
import { AppError } from "./errors.js";

const pg = (code: string, constraint?: string) => Object.assign(new Error("pg"), { code, constraint });

function thrown(run: () => unknown) {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("did not throw");
}

describe("constraint errors", () => {
  it("recognises the kind of an integrity violation and its constraint", () => {
    expect(violationOf(pg("23505", "exercise_code_key"))).toEqual({
      kind: "unique",
      constraint: "exercise_code_key",
    });
    expect(violationOf(pg("40001"))).toBeUndefined();
    expect(violationOf(new Error("plain"))).toBeUndefined();
    expect(violationOf(null)).toBeUndefined();
    expect(isUniqueViolation(pg("23505", "a_key"))).toBe(true);
    expect(isUniqueViolation(pg("23505", "a_key"), "b_key")).toBe(false);
    expect(isForeignKeyViolation(pg("23505"))).toBe(false);
    expect(isExclusionViolation(pg("23P01", "x_no_overlap"), "x_no_overlap")).toBe(true);
  });

  it("answers a known unique or exclusion constraint with a conflict naming the field", () => {
    const error = thrown(() =>
      constraintError(pg("23505", "exercise_code_key"), {
        exercise_code_key: ["body.code", "already exists"],
      }),
    ) as AppError;
    expect(error).toBeInstanceOf(AppError);
    expect([error.code, error.message, error.fields]).toEqual([
      "CONFLICT",
      "body.code: already exists",
      [{ field: "body.code", message: "already exists" }],
    ]);
  });

  it("answers a known check constraint as a validation failure, from a map or a function", () => {
    const fromMap = thrown(() =>
      constraintError(pg("23514", "operation_ends_on_check"), {
        operation_ends_on_check: ["body.endsOn", "must not be before the start date"],
      }),
    ) as AppError;
    expect([fromMap.code, fromMap.fields]).toEqual([
      "VALIDATION_FAILED",
      [{ field: "body.endsOn", message: "must not be before the start date" }],
    ]);
    const fromFunction = thrown(() =>
      constraintError(pg("23503"), ({ kind }) => (kind === "foreignKey" ? ["body", "unknown"] : undefined)),
    ) as AppError;
    expect([fromFunction.code, fromFunction.fields]).toEqual([
      "VALIDATION_FAILED",
      [{ field: "body", message: "unknown" }],
    ]);
  });

  it("rethrows what the rules do not know, for the error handler's general mapping", () => {
    const unknownConstraint = pg("23505", "other_key");
    expect(thrown(() => constraintError(unknownConstraint, { a_key: ["body.a", "x"] }))).toBe(
      unknownConstraint,
    );
    const notAViolation = pg("40001");
    expect(thrown(() => constraintError(notAViolation, () => ["body", "x"]))).toBe(notAViolation);
  });
});
