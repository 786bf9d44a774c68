export { coordinatesNation, hasRole, isAdministrator, type Permissions, usePermissions } from "./permissions";
export {
  ANONYMOUS_SESSION,
  fetchSession,
  type Grant,
  ROLES,
  type Role,
  type Session,
  type SessionUser,
  storeSession,
  useCurrentUser,
  useSession,
} from "./session";
