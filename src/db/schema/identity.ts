import type { ColumnType, Generated } from "kysely";
import type { CreatedAt, Id, Timestamp, UpdatedAt } from "./common.js";

export interface AppUserTable {
  id: Id;
  username: string;
  displayName: string;
  personId: string | null;
  passwordHash: string | null;
  mustChangePassword: Generated<boolean>;
  oidcSubject: string | null;
  disabledAt: Timestamp | null;
  failedLogins: Generated<number>;
  lockedUntil: Timestamp | null;
  lastLoginAt: Timestamp | null;
  preferredLanguage: Generated<string>;
  email: string | null;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

export interface RoleAssignmentTable {
  id: Id;
  userId: string;
  role: string;
  nationId: string | null;
  organisationId: string | null;
  createdAt: CreatedAt;
  createdBy: string | null;
}

export interface UserSessionTable {
  tokenHash: string;
  userId: string;
  csrfToken: string;
  createdAt: CreatedAt;
  lastSeenAt: Timestamp;
  expiresAt: Timestamp;
  userAgent: string | null;
  ip: string | null;
  /** The leader's WAL position after the session's last write (pg_lsn as text), kept only with DATABASE_READ_URL. */
  writtenLsn: string | null;
}

export interface RateLimitHitTable {
  key: string;
  windowStart: Timestamp;
  hits: Generated<number>;
}

export interface LoginBackoffTable {
  username: string;
  address: string;
  failures: Generated<number>;
  lastFailedAt: Timestamp | null;
  lastSucceededAt: Timestamp | null;
}

export interface AuditEntryTable {
  seq: ColumnType<number, never, never>;
  occurredAt: ColumnType<Date, never, never>;
  actorUserId: string | null;
  actorLabel: string;
  action: string;
  recordType: string;
  recordId: string | null;
  diff: ColumnType<unknown, string, never>;
  requestId: string | null;
  prevHash: ColumnType<string, never, never>;
  hash: ColumnType<string, never, never>;
  /** seq − 1: the entry's leaf in the transparency log (0026_transparency_log). */
  leafIndex: ColumnType<number, never, never>;
  /** SHA-256(0x00 || the chain hash's 32 bytes), set by the chain trigger. */
  leafHash: ColumnType<Buffer, never, never>;
}

export interface OidcLoginStateTable {
  state: string;
  codeVerifier: string;
  nonce: string;
  returnTo: Generated<string>;
  createdAt: CreatedAt;
  expiresAt: Timestamp;
}

export interface SchemaMigrationTable {
  name: string;
  checksum: string;
  appliedAt: Timestamp;
}

export interface StoredFileTable {
  id: Id;
  filename: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  content: Buffer;
  uploadedBy: string | null;
  createdAt: CreatedAt;
}

export interface IdentityTables {
  storedFile: StoredFileTable;
  appUser: AppUserTable;
  roleAssignment: RoleAssignmentTable;
  userSession: UserSessionTable;
  rateLimitHit: RateLimitHitTable;
  loginBackoff: LoginBackoffTable;
  auditEntry: AuditEntryTable;
  oidcLoginState: OidcLoginStateTable;
  schemaMigration: SchemaMigrationTable;
}
