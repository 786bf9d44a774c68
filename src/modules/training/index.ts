import type { Db } from "../../db/database.js";
import { visibleTo } from "../../platform/access/releasability.js";
import type { Viewer } from "../../platform/access/viewer.js";
import { validQualificationSql } from "./qualification.queries.js";
import { certifiedQuery, hasValidQualification as hasValid } from "./training.queries.js";

export {
  type CertificateChange,
  type CertificateChangeListener,
  onCertificateChange,
} from "./certificate-changes.js";

import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import { accreditationRoutes } from "./accreditation.routes.js";
import { certificateLookupRoutes } from "./certificate-verify.routes.js";
import { certificatesRoutes } from "./certificates.routes.js";
import { coursesRoutes } from "./courses.routes.js";
import { qualificationRoutes } from "./qualifications.routes.js";

export const trainingRoutes: RoutesPlugin = async (app, options) => {
  await coursesRoutes(app, options);
  await certificatesRoutes(app, options);
  await accreditationRoutes(app, options);
  await certificateLookupRoutes(app, options);
  await qualificationRoutes(app, options);
};
export { seedTraining } from "./training.seed.js";

/**
 * Whether the person holds a certificate of the qualification that is valid throughout [from, to] (ISO dates) and
 * not revoked. Called by the readiness capability when it assigns certified evaluators.
 */
export function hasValidQualification(
  db: Db,
  personId: string,
  qualificationCode: string,
  from: string,
  to: string,
): Promise<boolean> {
  return hasValid(db, personId, qualificationCode, from, to);
}

/**
 * The same rule as `hasValidQualification` as a SQL condition, for other capabilities' queries: `personColumn` (e.g.
 * `tm.person_id`) holds a live certificate of the qualification valid from `from` through `to`.
 */
export const holdsValidQualification = validQualificationSql;

export interface CertifiedPerson {
  personId: string;
  givenName: string;
  familyName: string;
  rankTitle: string | null;
  nationId: string;
  nationCode: string;
  certificateId: string;
  certificateNumber: string;
  validFrom: string;
  validUntil: string | null;
}

/**
 * Everyone certified in the qualification on the date (one row per person, the longest-valid certificate). With a
 * viewer, only the people that viewer may see (the directory's releasability rule, `visibleTo`): an answer shown to
 * a user passes the viewer; only seeds and system tasks read the whole registry.
 */
export function certifiedPeople(
  db: Db,
  qualificationCode: string,
  onDate: string,
  viewer?: Viewer,
): Promise<CertifiedPerson[]> {
  const query = certifiedQuery(db, qualificationCode, onDate);
  return (viewer ? query.where(visibleTo(viewer, "p")) : query).execute();
}
export { certificationFigures } from "./dashboard.queries.js";
export { searchVisibility } from "./search.queries.js";
export { trainingTimelineParts } from "./timeline.queries.js";
export { trainingExports } from "./training.exports.js";
