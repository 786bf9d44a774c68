import { definePolicy, type RecordsOf } from "../../platform/access/policy.js";
import { isAdministrator, type Viewer } from "../../platform/access/viewer.js";

/**
 * Audit entries name records of every capability but carry no owner of their own, so a scoped auditor could
 * not be shown "only entries about records in their scope" without reading every capability's tables. The trail
 * is therefore open to administrators and global (unscoped) auditors only.
 */
const globalAuditor = (viewer: Viewer) =>
  viewer.grants.some((grant) => grant.role === "auditor" && !grant.nationId && !grant.organisationId);

export const auditActions = definePolicy({
  "audit.read": (viewer: Viewer) => isAdministrator(viewer) || globalAuditor(viewer),
  "audit.verify": (viewer: Viewer) => isAdministrator(viewer) || globalAuditor(viewer),
});

declare module "../../platform/access/policy.js" {
  interface PolicyActions extends RecordsOf<typeof auditActions> {}
}
