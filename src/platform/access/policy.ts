import { AppError } from "../errors.js";
import type { Viewer } from "./viewer.js";

// biome-ignore lint/suspicious/noExplicitAny: rules are stored untyped; definePolicy keeps each one typed
type AnyRule = (viewer: Viewer, record: any) => boolean;
export type Rule<R> = (viewer: Viewer, record: R) => boolean;

const rules = new Map<string, AnyRule>();

/**
 * Every action the modules declare, with the record its rule takes. Each `*.policy.ts` adds its own by declaration
 * merging (`interface PolicyActions extends RecordsOf<typeof xActions> {}`), so a misspelt action name or a record
 * of the wrong shape is a type error rather than a refusal or a 500 at run time.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging in each module's *.policy.ts
export interface PolicyActions {}
export type Action = keyof PolicyActions & string;
/** The record each rule of a policy takes (`unknown` for a rule of the viewer alone). */
export type RecordsOf<A> = {
  [K in keyof A]: A[K] extends (viewer: Viewer, record: infer R) => boolean ? R : unknown;
};

/**
 * Declares who may do what. Each capability declares its actions in its `*.policy.ts`; every service method
 * starts with `authorize(viewer, action, record)`. This registry is the one place access is decided.
 */
export function definePolicy<A extends Record<string, Rule<never>>>(actions: A): A {
  for (const [action, rule] of Object.entries(actions)) {
    if (rules.has(action) && rules.get(action) !== rule)
      throw new Error(`Policy action ${action} is declared twice`);
    rules.set(action, rule as AnyRule);
  }
  return actions;
}

export function can<A extends Action>(viewer: Viewer, action: A, record?: PolicyActions[A]): boolean {
  const rule = rules.get(action);
  if (!rule) throw new Error(`No policy rule declares the action ${action}`);
  return rule(viewer, record);
}

/** Throws 401 for the signed-out and 403 for the signed-in when the rule refuses. */
export function authorize<A extends Action>(viewer: Viewer, action: A, record?: PolicyActions[A]): void {
  if (can(viewer, action, record)) return;
  if (!viewer.userId) throw new AppError("UNAUTHENTICATED", "Sign in to continue");
  throw new AppError("FORBIDDEN", `You are not allowed to ${action.replace(/[._]/g, " ")}`);
}

export const declaredActions = (): string[] => [...rules.keys()].sort();

export const anyone: Rule<unknown> = () => true;
export const signedIn: Rule<unknown> = (viewer) => viewer.userId !== null;
