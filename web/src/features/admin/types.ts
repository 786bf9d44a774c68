import type { BodyOf, QueryOf, ResponseOf } from "../../shared/api/contract";
import type { Role } from "../../shared/auth";

export type AdminUser = ResponseOf<"getAdminUsers">["items"][number];
export type RoleAssignment = AdminUser["roles"][number];
export type AdminUserDetail = ResponseOf<"getAdminUsersById">;
export type UserListQuery = QueryOf<"getAdminUsers">;
export type GrantInput = BodyOf<"postAdminUsersByIdRoles">;
export type UserInput = BodyOf<"postAdminUsers">;

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
