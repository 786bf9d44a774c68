import { type Role, type SessionUser, useCurrentUser } from "./session";

export const hasRole = (user: SessionUser | null, role: Role): boolean =>
  !!user?.grants.some((grant) => grant.role === role);

export const isAdministrator = (user: SessionUser | null): boolean => hasRole(user, "administrator");

/** A national coordinator of this nation. */
export const coordinatesNation = (user: SessionUser | null, nationId: string | null | undefined): boolean =>
  !!nationId &&
  !!user?.grants.some((grant) => grant.role === "national_coordinator" && grant.nationId === nationId);

/**
 * What the signed-in user may do, for hiding controls they cannot use. Only a convenience: the server
 * decides every request, so pages must still handle 403 answers.
 */
export function usePermissions() {
  const user = useCurrentUser();
  return {
    user,
    signedIn: user !== null,
    isAdministrator: isAdministrator(user),
    hasRole: (role: Role) => hasRole(user, role),
    hasAnyRole: (...roles: Role[]) => roles.some((role) => hasRole(user, role)),
    coordinatesNation: (nationId: string | null | undefined) => coordinatesNation(user, nationId),
  };
}

export type Permissions = ReturnType<typeof usePermissions>;
