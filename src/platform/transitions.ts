import { AppError } from "./errors.js";

/**
 * A record kind's life cycle as data: for each state, the states it may move to. The one source of truth of a
 * kind's status changes: services check every change against it on the locked row (`assertTransition` inside
 * `auditedUpdate`'s `set`), GET responses answer `allowedTransitions` from it, and docs/life-cycles.md describes
 * it. Staying in the same state is not a transition (a patch that repeats the current state changes nothing).
 * Creating a record may give any state (historical records are entered as they stand); changes follow the table.
 */
export interface Transitions<S extends string> {
  /** The record as named in a refusal, e.g. "The exercise". */
  readonly record: string;
  /** The request field that carries the state, e.g. `body.status`. */
  readonly field: string;
  readonly table: Readonly<Record<S, readonly S[]>>;
}

export function defineTransitions<S extends string>(
  record: string,
  table: Record<S, readonly S[]>,
  field = "body.status",
): Transitions<S> {
  return Object.freeze({ record, field, table: Object.freeze(table) });
}

/** The states of the kind, in the table's order. */
export const statesOf = <S extends string>(t: Transitions<S>): S[] => Object.keys(t.table) as S[];

/** The states a record in `from` may move to (none for a state the table does not know). */
export function allowedFrom<S extends string>(t: Transitions<S>, from: string): S[] {
  return [...((t.table as Record<string, readonly S[]>)[from] ?? [])];
}

export const canTransition = <S extends string>(t: Transitions<S>, from: string, to: string): boolean =>
  from === to || allowedFrom(t, from).includes(to as S);

/** 409 ILLEGAL_TRANSITION naming the current and the requested state (message, field and `transition`). */
export function illegalTransition(
  t: Pick<Transitions<string>, "record" | "field">,
  current: string,
  requested: string,
  why?: string,
): AppError {
  const error = new AppError(
    "ILLEGAL_TRANSITION",
    `${t.record} is ${current}; it cannot become ${requested}${why ? ` (${why})` : ""}`,
    [{ field: t.field, message: `cannot change from ${current} to ${requested}` }],
  );
  error.transition = { field: t.field, current, requested };
  return error;
}

/** Refuses a change the table does not allow; `to` undefined (state not given) or equal to `from` passes. */
export function assertTransition<S extends string>(
  t: Transitions<S>,
  from: string,
  to: string | undefined,
): void {
  if (to === undefined || canTransition(t, from, to)) return;
  throw illegalTransition(t, from, to);
}

/**
 * For routes whose only purpose is a change (report, decide, withdraw): staying in the same state is refused
 * too, since the route would otherwise do nothing while answering success.
 */
export function assertMove<S extends string>(t: Transitions<S>, from: string, to: string): void {
  if (from === to) throw illegalTransition(t, from, to);
  assertTransition(t, from, to);
}

/** The record as answered, with the states it may move to next (`allowedTransitions`). */
export const withNext = <S extends string, R extends { status: string }>(t: Transitions<S>, row: R) => ({
  ...row,
  allowedTransitions: allowedFrom(t, row.status),
});
