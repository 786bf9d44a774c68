import { AppError, conflict, type ErrorCode } from "./errors.js";

/**
 * PostgreSQL integrity violations a service may turn into an answer that names the field the client sent.
 * What a service does not map falls through to the error handler's general mapping (`fromPgError`).
 */
const SQLSTATE = {
  unique: "23505",
  foreignKey: "23503",
  check: "23514",
  exclusion: "23P01",
  notNull: "23502",
} as const;

export type ViolationKind = keyof typeof SQLSTATE;

export interface Violation {
  kind: ViolationKind;
  constraint: string | undefined;
}

const KIND_OF = new Map<string, ViolationKind>(
  Object.entries(SQLSTATE).map(([kind, code]) => [code, kind as ViolationKind]),
);

/** The kind and constraint of an integrity violation, or undefined for any other error. */
export function violationOf(error: unknown): Violation | undefined {
  const pg = error as { code?: unknown; constraint?: unknown } | null | undefined;
  const kind = typeof pg?.code === "string" ? KIND_OF.get(pg.code) : undefined;
  if (!kind) return undefined;
  return { kind, constraint: typeof pg?.constraint === "string" ? pg.constraint : undefined };
}

const violates =
  (kind: ViolationKind) =>
  (error: unknown, constraint?: string): boolean => {
    const violation = violationOf(error);
    return violation?.kind === kind && (!constraint || violation.constraint === constraint);
  };

/** The error breaks a unique constraint (the named one, when given). */
export const isUniqueViolation = violates("unique");
/** The error breaks a foreign key (the named one, when given). */
export const isForeignKeyViolation = violates("foreignKey");
/** The error breaks a check constraint (the named one, when given). */
export const isCheckViolation = violates("check");
/** The error breaks an exclusion constraint (the named one, when given). */
export const isExclusionViolation = violates("exclusion");

/**
 * The request field a constraint guards and what to tell the client about it; the code, when given, replaces
 * the kind's default (CONFLICT for unique and exclusion constraints, VALIDATION_FAILED for the others).
 */
export type ConstraintRule = readonly [field: string, message: string, code?: ErrorCode];

/** Per constraint name, its rule; or a function for rules that depend on the kind of violation. */
export type ConstraintRules =
  | Readonly<Record<string, ConstraintRule>>
  | ((violation: Violation) => ConstraintRule | undefined);

/**
 * Throws the field-level AppError for a violation the rules know: CONFLICT (409) for unique and exclusion
 * constraints, VALIDATION_FAILED (400) for the others. Anything else is rethrown unchanged. Use as
 * `.catch((error) => constraintError(error, rules))` or `.catch(onConstraint(rules))`.
 */
export function constraintError(error: unknown, rules: ConstraintRules): never {
  const violation = violationOf(error);
  const rule = !violation
    ? undefined
    : typeof rules === "function"
      ? rules(violation)
      : violation.constraint
        ? rules[violation.constraint]
        : undefined;
  if (!violation || !rule) throw error;
  const [field, message, given] = rule;
  const code =
    given ??
    (violation.kind === "unique" || violation.kind === "exclusion" ? "CONFLICT" : "VALIDATION_FAILED");
  throw new AppError(code, `${field}: ${message}`, [{ field, message }]);
}

/** `constraintError` as a `.catch` handler. */
export const onConstraint =
  (rules: ConstraintRules) =>
  (error: unknown): never =>
    constraintError(error, rules);

/**
 * A `.catch` handler for a write whose conflict message depends on the request: a unique violation (of
 * `constraint`, when named) becomes `conflict(message, field)`; anything else is rethrown unchanged.
 */
export const uniqueConflict =
  (message: string, field: string, constraint?: string) =>
  (error: unknown): never => {
    if (isUniqueViolation(error, constraint)) throw conflict(message, field);
    throw error;
  };
