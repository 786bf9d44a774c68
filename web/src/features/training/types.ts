import type { ResponseOf } from "../../shared/api/contract";

/**
 * Courses, certificates and accreditation as the server declares them (generated from the API document); only the
 * value list the dossier's progress offers is written here, held to the server's enum by the type check.
 */
export type CourseDetail = ResponseOf<"getTrainingCoursesById">;
export type Course = ResponseOf<"getTrainingCourses">["items"][number];
export type Titles = Course["title"];
export type AssessmentScheme = Course["assessment"];
export type AssessmentComponent = AssessmentScheme["components"][number];
export type PersonRef = NonNullable<Course["director"]>;
export type RunSummary = CourseDetail["runs"][number];

export type RunDetail = ResponseOf<"getTrainingRunsByEventId">;
export type Participant = RunDetail["participants"][number];
export type Outcome = Participant["computed"]["outcome"];

export type Certificate = ResponseOf<"getTrainingCertificatesById">;
export type CertificateStatus = Certificate["status"];
export type Language = Certificate["language"];
export type PublicCertificate = ResponseOf<"getPublicCertificatesByCode">;
export type Qualification = ResponseOf<"getTrainingQualifications">[number];
export type RegistryEntry = ResponseOf<"getTrainingRegistry">["items"][number];

export const APPLICATION_STATES = [
  "draft",
  "self_assessment",
  "submitted",
  "visit_planned",
  "visited",
  "decided",
] as const satisfies readonly ApplicationState[];
export type ApplicationSummary = ResponseOf<"getTrainingAccreditation">["items"][number];
export type ApplicationState = ApplicationSummary["state"];
export type Dossier = ResponseOf<"getTrainingAccreditationById">;
export type DossierStandard = Dossier["areas"][number]["standards"][number];
export type Finding = DossierStandard["findings"][number];
export type Missing = DossierStandard["missing"][number];
