import { anyone, definePolicy, type RecordsOf } from "../../platform/access/policy.js";
import { isAdministrator, readsEverything, type Viewer } from "../../platform/access/viewer.js";

const anyAuditor = (viewer: Viewer) => viewer.grants.some((grant) => grant.role === "auditor");

/**
 * Heads and consistency proofs are hashes only, and public: anyone may watch the log. An inclusion proof names an
 * entry, so it is for administrators and auditors; a scoped auditor gets proofs only of entries about records
 * releasable to them (checked in the service, per entry). The witness's alarms are for those who read the trail.
 */
export const transparencyActions = definePolicy({
  "transparency.head": anyone,
  "transparency.inclusion_proof": (viewer: Viewer) => isAdministrator(viewer) || anyAuditor(viewer),
  "transparency.witness": anyone,
  "transparency.alarms": (viewer: Viewer) => readsEverything(viewer),
});

declare module "../../platform/access/policy.js" {
  interface PolicyActions extends RecordsOf<typeof transparencyActions> {}
}
