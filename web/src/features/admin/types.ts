import type { Role } from "../../shared/auth";

export interface RoleAssignment {
  id: string;
  role: Role;
  nationId: string | null;
  nationCode: string | null;
  organisationId: string | null;
  organisationCode: string | null;
  createdAt: string;
}

export interface AdminUser {
  id: string;
  username: string;
  displayName: string;
  personId: string | null;
  personName: string | null;
  preferredLanguage: string;
  mustChangePassword: boolean;
  disabled: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  oidcLinked: boolean;
  createdAt: string;
  roles: RoleAssignment[];
}

export interface AdminUserDetail extends AdminUser {
  activeSessions: number;
}

export interface UserListQuery {
  q?: string;
  role?: string;
  status?: string;
  limit?: number;
  offset?: number;
}

export interface GrantInput {
  role: Role;
  nationId?: string | null;
  organisationId?: string | null;
}

export interface UserInput {
  username: string;
  displayName: string;
  personId?: string | null;
  preferredLanguage?: string;
  temporaryPassword: string;
  roles?: GrantInput[];
}

/** Which scope a role takes: the server checks the same rule and names the field when it is broken. */
export const SCOPE_OF: Record<Role, "none" | "nation" | "organisation" | "optional"> = {
  administrator: "none",
  participant: "none",
  national_coordinator: "nation",
  organiser: "organisation",
  course_director: "organisation",
  evaluator: "organisation",
  auditor: "optional",
};
