import { usePermissions } from "../../shared/auth";

/**
 * Which directory controls to show, mirroring the server's directory policy: nations are the
 * administrators'; an organisation is also kept by those who manage it (or a parent of it); people by
 * administrators, the coordinators of the owning nation and the managers of the owning organisation.
 * Managers of a descendant organisation cannot be told apart here, so any organisation-scoped manager
 * sees the controls and the server has the last word.
 */
export function useDirectoryPermissions() {
  const { user, isAdministrator, hasRole, coordinatesNation } = usePermissions();
  const managed = (user?.grants ?? [])
    .filter((grant) => grant.role !== "auditor" && grant.organisationId)
    .map((grant) => grant.organisationId!);
  return {
    manageNations: isAdministrator,
    createOrganisations: isAdministrator,
    deleteOrganisations: isAdministrator,
    editOrganisation: (organisation: { id: string; ancestors: { id: string }[] }) =>
      isAdministrator ||
      managed.some(
        (id) => id === organisation.id || organisation.ancestors.some((ancestor) => ancestor.id === id),
      ),
    createPeople: isAdministrator || hasRole("national_coordinator") || managed.length > 0,
    managePerson: (person: { ownerNationId: string | null; ownerOrganisationId: string | null }) =>
      isAdministrator ||
      coordinatesNation(person.ownerNationId) ||
      (!!person.ownerOrganisationId && managed.length > 0),
  };
}
