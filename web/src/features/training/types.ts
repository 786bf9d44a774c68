import type { ResponseOf } from "../../shared/api/contract";

export { APPLICATION_STATES } from "../../shared/api";

/**
 * Courses, certificates and accreditation as the server declares them (generated from the API document), with the
 * accreditation states the dossier's progress shows (generated from the server's own constant).
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

export type ApplicationSummary = ResponseOf<"getTrainingAccreditation">["items"][number];
export type ApplicationState = ApplicationSummary["state"];
export type Dossier = ResponseOf<"getTrainingAccreditationById">;
export type DossierStandard = Dossier["areas"][number]["standards"][number];
export type Finding = DossierStandard["findings"][number];
export type Missing = DossierStandard["missing"][number];
