export const ROLES = [
  "administrator",
  "national_coordinator",
  "organiser",
  "course_director",
  "evaluator",
  "participant",
  "auditor",
] as const;
export type Role = (typeof ROLES)[number];

export interface RoleGrant {
  role: Role;
  nationId: string | null;
  organisationId: string | null;
}

/** Who is asking. Built once per request from the session; every access decision reads only this. */
export interface Viewer {
  userId: string | null;
  username: string | null;
  personId: string | null;
  /** The nation of the person behind the account, if any. */
  personNationId: string | null;
  grants: RoleGrant[];
  /** Nations whose restricted records this viewer may read: their own, and those they coordinate or audit. */
  nationIds: string[];
  /** Organisations (with all their descendants) whose restricted records this viewer may read. */
  organisationIds: string[];
  /** Organisations (with descendants) this viewer organises: the scope of organiser, director and evaluator roles. */
  managedOrganisationIds: string[];
  mustChangePassword: boolean;
}

export const ANONYMOUS: Viewer = Object.freeze({
  userId: null,
  username: null,
  personId: null,
  personNationId: null,
  grants: [],
  nationIds: [],
  organisationIds: [],
  managedOrganisationIds: [],
  mustChangePassword: false,
});

/**
 * The server acting on its own (a command run on the server, a seed): an administrator with no account, named in
 * the audit trail by `username`.
 */
export const systemViewer = (username: string): Viewer =>
  Object.freeze({
    ...ANONYMOUS,
    username,
    grants: [{ role: "administrator" as const, nationId: null, organisationId: null }],
  });

export const isSignedIn = (viewer: Viewer): boolean => viewer.userId !== null;
export const hasRole = (viewer: Viewer, role: Role): boolean =>
  viewer.grants.some((grant) => grant.role === role);
export const isAdministrator = (viewer: Viewer): boolean => hasRole(viewer, "administrator");

/** Administrators and unscoped auditors read every record. */
export const readsEverything = (viewer: Viewer): boolean =>
  viewer.grants.some(
    (grant) =>
      grant.role === "administrator" ||
      (grant.role === "auditor" && grant.nationId === null && grant.organisationId === null),
  );

export const coordinatesNation = (viewer: Viewer, nationId: string | null | undefined): boolean =>
  !!nationId &&
  viewer.grants.some((grant) => grant.role === "national_coordinator" && grant.nationId === nationId);

export const coordinatedNationIds = (viewer: Viewer): string[] =>
  viewer.grants.filter((grant) => grant.role === "national_coordinator").map((grant) => grant.nationId!);

export const managesOrganisation = (viewer: Viewer, organisationId: string | null | undefined): boolean =>
  !!organisationId && viewer.managedOrganisationIds.includes(organisationId);

/** Whoever may write for some nation or organisation may start records; `resolveRelease` then checks the owner. */
export const writesForSomeone = (viewer: Viewer): boolean =>
  isAdministrator(viewer) ||
  coordinatedNationIds(viewer).length > 0 ||
  (hasRole(viewer, "organiser") && viewer.managedOrganisationIds.length > 0);

/**
 * The nations whose people's records (nominations, certificates) a viewer oversees: those they coordinate or audit
 * as an auditor scoped to the nation. A person's own nation is not one of them: they see their own records only.
 */
export const overseenNationIds = (viewer: Viewer): string[] =>
  viewer.grants
    .filter((grant) => (grant.role === "national_coordinator" || grant.role === "auditor") && grant.nationId)
    .map((grant) => grant.nationId!);

/** An activity or course as its organising organisation and host institution (where a course director acts). */
export interface OrganisedRecord {
  organiserId: string;
  hostInstitutionId: string | null;
}

/** Anyone holding the organiser or the host institution (organisers, directors, evaluators) reads its records. */
export const managesOrganiserOrHost = (viewer: Viewer, record: OrganisedRecord): boolean =>
  managesOrganisation(viewer, record.organiserId) || managesOrganisation(viewer, record.hostInstitutionId);

/**
 * A person's own record under an organised activity (a nomination, a certificate): the person, their nation's
 * coordinators and auditors, the activity's organiser and host institution, and global readers see it.
 */
export const seesPersonalRecord = (
  viewer: Viewer,
  record: { personId: string; nationId: string; activity: OrganisedRecord },
): boolean =>
  readsEverything(viewer) ||
  (viewer.personId !== null && viewer.personId === record.personId) ||
  overseenNationIds(viewer).includes(record.nationId) ||
  managesOrganiserOrHost(viewer, record.activity);

/**
 * Runs it (changes it, manages its events and runs, records attendance and results): organisers and course
 * directors of the organiser or host institution. Evaluators of the organisation read it but do not run it.
 */
export const runsOrganised = (viewer: Viewer, record: OrganisedRecord): boolean =>
  isAdministrator(viewer) ||
  ((hasRole(viewer, "organiser") || hasRole(viewer, "course_director")) &&
    managesOrganiserOrHost(viewer, record));
