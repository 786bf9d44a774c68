import { definePolicy, type RecordsOf } from "../../platform/access/policy.js";
import { hasRole, type Viewer } from "../../platform/access/viewer.js";

/**
 * Who may run an import at all: the roles that keep records. Each row is then held to the record's own rule
 * (`person.create`, `person.update`, ...) by the importer of its kind, so a coordinator imports only their
 * nation's people.
 */
export const importActions = definePolicy({
  "import.run": (viewer: Viewer) =>
    hasRole(viewer, "administrator") ||
    hasRole(viewer, "national_coordinator") ||
    hasRole(viewer, "organiser"),
});

declare module "../../platform/access/policy.js" {
  interface PolicyActions extends RecordsOf<typeof importActions> {}
}
