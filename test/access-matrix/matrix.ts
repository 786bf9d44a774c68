import type { Db } from "../../src/db/database.js";

/**
 * Types of the access matrix (test/access-matrix): every route × every role × a record in and out of the
 * caller's scope → allow or deny. Each capability keeps its entries in `test/access-matrix/entries/<m>.access.ts`,
 * exporting `accessEntries: AccessEntry[]`. Nothing here runs in production.
 */
export const MATRIX_ROLES = [
  "anonymous",
  "participant",
  "national_coordinator",
  "organiser",
  "course_director",
  "evaluator",
  "auditor",
  "administrator",
] as const;
export type MatrixRole = (typeof MATRIX_ROLES)[number];

/**
 * allow: 2xx for records in and out of the caller's scope; deny: 401/403/404 for both and nothing written;
 * scope: allowed for the record in the caller's scope, denied for the one outside it.
 */
export type Expectation = "allow" | "deny" | "scope";

export interface MatrixAgent {
  readonly userId: string | null;
  request(
    method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE",
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: any; text: string }>;
}

export interface MatrixScope {
  nationId: string;
  organisationId: string;
}

/** What a request factory may use to set up the records a request needs. */
export interface MatrixContext {
  db: Db;
  /**
   * The scope of the scoped callers: the national coordinator coordinates `inScope.nationId`; the organiser,
   * course director and evaluator hold `inScope.organisationId` (and its subtree); the participant is a person of
   * `inScope.nationId`. The auditor is global. Records "out of scope" belong to `outOfScope`.
   */
  inScope: MatrixScope;
  outOfScope: MatrixScope;
  /** An administrator, for setting up records through the API. */
  admin: MatrixAgent;
  /** Who will make the request (a fresh user of the role when the entry asks for `freshCaller`). */
  caller: MatrixAgent;
  role: MatrixRole;
  /** The password of every caller the matrix signs in (for the change-password route). */
  callerPassword: string;
  /** A string unique within the run: for codes and usernames. */
  unique(): string;
  nationId(code: string): Promise<string>;
  organisationId(code: string): Promise<string>;
}

export interface AccessRequest {
  /** The concrete URL: parameters filled in, query string included. */
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface AccessEntry {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** The route exactly as registered, e.g. `/api/people/:id`. */
  url: string;
  access: Record<MatrixRole, Expectation>;
  /**
   * Builds the request for one caller against a record in or out of their scope; called once per request so
   * that writes get fresh records. Without it the route is requested at `url` with no body.
   */
  request?: (ctx: MatrixContext, scope: "in" | "out") => Promise<AccessRequest> | AccessRequest;
  /** The request ends the caller's session (logout) or changes their password: use a fresh user of the role. */
  freshCaller?: boolean;
  /** Statuses that count as allowed besides 2xx (a redirect, for example). */
  allowStatuses?: number[];
  /** The route exists only in some configurations (the built web app, single sign-on). */
  optional?: boolean;
}

/**
 * The owners a new record of the scope gets when the caller creates it: every owner of a new record must be within
 * the writer's write scope, so a national coordinator gives it to the nation, the organisation's staff to the
 * organisation, and an administrator to both. Callers who create nothing get the organisation.
 */
export function ownersFor(ctx: MatrixContext, scope: "in" | "out") {
  const owner = scope === "in" ? ctx.inScope : ctx.outOfScope;
  if (ctx.role === "administrator")
    return { ownerNationId: owner.nationId, ownerOrganisationId: owner.organisationId };
  if (ctx.role === "national_coordinator")
    return { ownerNationId: owner.nationId, ownerOrganisationId: null };
  return { ownerNationId: null, ownerOrganisationId: owner.organisationId };
}

/** Builds an access map: name the roles that differ from `others` (default deny). */
export function access(
  spec: Partial<Record<MatrixRole, Expectation>> & { others?: Expectation },
): Record<MatrixRole, Expectation> {
  const { others = "deny", ...roles } = spec;
  return Object.fromEntries(MATRIX_ROLES.map((role) => [role, roles[role] ?? others])) as Record<
    MatrixRole,
    Expectation
  >;
}

export const PUBLIC = access({ others: "allow" });
export const SIGNED_IN = access({ others: "allow", anonymous: "deny" });
export const ADMINISTRATORS = access({ administrator: "allow" });
/** Reads open to administrators and global auditors. */
export const ADMINISTRATORS_AND_AUDITORS = access({ administrator: "allow", auditor: "allow" });
