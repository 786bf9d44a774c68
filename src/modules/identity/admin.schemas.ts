import { type Static, Type } from "typebox";
import { ROLES } from "../../platform/access/viewer.js";
import {
  ChildParams,
  IsoDateTime,
  Nullable,
  PageQuery,
  StrictObject,
  StringEnum,
  Text,
  Uuid,
} from "../../platform/http/schemas.js";

export const RoleName = StringEnum(ROLES);
export const Language = StringEnum(["en", "az", "ru"] as const);
const Username = Type.String({
  minLength: 3,
  maxLength: 100,
  pattern: "^[a-z0-9][a-z0-9._@+-]{2,99}$",
  description: "Lower-case letters, digits and . _ @ + -",
});
const TemporaryPassword = Type.String({ minLength: 1, maxLength: 200 });

export const RoleAssignment = Type.Object({
  id: Uuid,
  role: RoleName,
  nationId: Nullable(Uuid),
  nationCode: Nullable(Type.String()),
  organisationId: Nullable(Uuid),
  organisationCode: Nullable(Type.String()),
  createdAt: IsoDateTime,
});
export type RoleAssignment = Static<typeof RoleAssignment>;

export const AdminUser = Type.Object({
  id: Uuid,
  username: Type.String(),
  displayName: Type.String(),
  personId: Nullable(Uuid),
  personName: Nullable(Type.String()),
  preferredLanguage: Type.String(),
  mustChangePassword: Type.Boolean(),
  disabled: Type.Boolean(),
  lockedUntil: Nullable(IsoDateTime),
  lastLoginAt: Nullable(IsoDateTime),
  oidcLinked: Type.Boolean(),
  createdAt: IsoDateTime,
  roles: Type.Array(RoleAssignment),
});

export const AdminUserDetail = Type.Object({
  ...AdminUser.properties,
  activeSessions: Type.Integer({ description: "Live sessions of the user" }),
});

export const UserQuery = StrictObject({
  q: Type.Optional(Type.String({ maxLength: 200, description: "Part of the username or display name" })),
  role: Type.Optional(RoleName),
  status: Type.Optional(StringEnum(["active", "disabled"] as const)),
  ...PageQuery,
});
export type UserQuery = Static<typeof UserQuery>;

export const GrantInput = StrictObject({
  role: RoleName,
  nationId: Type.Optional(Nullable(Uuid)),
  organisationId: Type.Optional(Nullable(Uuid)),
});
export type GrantInput = Static<typeof GrantInput>;

export const UserInput = StrictObject({
  username: Username,
  displayName: Text(200),
  personId: Type.Optional(Nullable(Uuid)),
  preferredLanguage: Type.Optional(Language),
  temporaryPassword: TemporaryPassword,
  roles: Type.Optional(Type.Array(GrantInput, { maxItems: 20 })),
});
export type UserInput = Static<typeof UserInput>;

export const UserPatch = Type.Object(
  {
    displayName: Type.Optional(Text(200)),
    personId: Type.Optional(Nullable(Uuid)),
    preferredLanguage: Type.Optional(Language),
    disabled: Type.Optional(Type.Boolean({ description: "true disables the account and ends its sessions" })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UserPatch = Static<typeof UserPatch>;

export const PasswordReset = StrictObject({ temporaryPassword: TemporaryPassword });
export type PasswordReset = Static<typeof PasswordReset>;

export const RevokedSessions = Type.Object({ revoked: Type.Integer() });

export const GrantParams = ChildParams("grantId");
