import { anyone, definePolicy, type RecordsOf, signedIn } from "../../platform/access/policy.js";
import { canRead, isOwnerEditor, type ReleasableRecord } from "../../platform/access/releasability.js";
import {
  coordinatesNation,
  hasRole,
  isAdministrator,
  managesOrganisation,
  type OrganisedRecord,
  runsOrganised,
  seesPersonalRecord,
  type Viewer,
} from "../../platform/access/viewer.js";

/** The course's activity: its organiser and host institution run it (a course director acts within the host). */
export type CourseOwner = OrganisedRecord;

/** Organisers and course directors run it; evaluators score units in readiness evaluations, not courses. */
export const runsCourse = runsOrganised;

export interface CertificateRecord {
  personId: string;
  personNationId: string;
  course: CourseOwner;
}

/** The holder, their nation's coordinators, the course's organisers and global readers see a certificate. */
export const seesCertificate = (viewer: Viewer, certificate: CertificateRecord): boolean =>
  seesPersonalRecord(viewer, {
    personId: certificate.personId,
    nationId: certificate.personNationId,
    activity: certificate.course,
  });

export interface ApplicationRecord extends ReleasableRecord {
  centreId: string;
  reviewingOrganisationId: string | null;
}

/**
 * Reviewers: the reviewing organisation's staff (by default ACT) and administrators — never the applicant centre's
 * own managers, even when they also hold the reviewing organisation.
 */
export const reviewsApplication = (viewer: Viewer, application: ApplicationRecord): boolean =>
  isAdministrator(viewer) ||
  (managesOrganisation(viewer, application.reviewingOrganisationId) &&
    !managesOrganisation(viewer, application.centreId));

export const trainingActions = definePolicy({
  /** Course definitions are read through their activity's releasability, filtered in SQL. */
  "course.read": anyone,
  "course.manage": (viewer: Viewer, course: CourseOwner) => runsCourse(viewer, course),
  /** Organisers and course directors define the qualifications their courses confer. */
  "qualification.create": (viewer: Viewer) =>
    isAdministrator(viewer) || hasRole(viewer, "organiser") || hasRole(viewer, "course_director"),
  /**
   * A qualification changes for everyone it is conferred on: its staff may edit it only while they run every course
   * that confers it (none yet: any organiser or course director); administrators always.
   */
  "qualification.edit": (viewer: Viewer, conferredBy: CourseOwner[]) =>
    isAdministrator(viewer) ||
    ((hasRole(viewer, "organiser") || hasRole(viewer, "course_director")) &&
      conferredBy.every((course) => runsCourse(viewer, course))),
  "certificate.list": signedIn,
  "certificate.read": (viewer: Viewer, certificate: CertificateRecord) =>
    seesCertificate(viewer, certificate),
  /** The holder chooses the language of their own certificate. */
  "certificate.choose_language": (viewer: Viewer, certificate: CertificateRecord) =>
    (viewer.personId !== null && viewer.personId === certificate.personId) ||
    runsCourse(viewer, certificate.course),
  "certificate.revoke": (viewer: Viewer, certificate: CertificateRecord) =>
    runsCourse(viewer, certificate.course),
  /** Public verification: anyone, by an unguessable code, rate-limited. */
  "certificate.verify": anyone,
  "registry.read": signedIn,
  "standard.read": signedIn,
  "accreditation.list": signedIn,
  "accreditation.read": (viewer: Viewer, application: ApplicationRecord) => canRead(viewer, application),
  /** The centre's own managers, its nation's coordinators, administrators. */
  "accreditation.create": (viewer: Viewer, centre: { id: string; nationId: string | null }) =>
    isAdministrator(viewer) ||
    managesOrganisation(viewer, centre.id) ||
    coordinatesNation(viewer, centre.nationId),
  "accreditation.edit": (viewer: Viewer, application: ApplicationRecord) =>
    isOwnerEditor(viewer, application) || managesOrganisation(viewer, application.centreId),
  "accreditation.review": (viewer: Viewer, application: ApplicationRecord) =>
    reviewsApplication(viewer, application),
  "accreditation.remind": (viewer: Viewer) => isAdministrator(viewer),
  /** The accrediting body appoints reviewers: administrators only, never the applicant. */
  "accreditation.appoint_reviewer": (viewer: Viewer) => isAdministrator(viewer),
});

declare module "../../platform/access/policy.js" {
  interface PolicyActions extends RecordsOf<typeof trainingActions> {}
}
