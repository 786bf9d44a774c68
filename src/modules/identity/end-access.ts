import type { Db } from "../../db/database.js";
import { type AuditContext, writeAudit } from "../../platform/audit.js";
import { revokeCalendarTokensOfUser } from "../catalogue/index.js";
import { deleteUserSessions } from "./sessions.js";

/**
 * Ends every session and calendar feed token of a user, in the caller's transaction: once a password is set or
 * changed, or the user or an administrator ends their sessions, nothing signed in as them or reading their
 * calendar goes on. Returns how many of each ended, for the audit entry.
 */
export async function endUserAccess(trx: Db, userId: string) {
  const sessions = await deleteUserSessions(trx, userId);
  const calendarFeedsRevoked = await revokeCalendarTokensOfUser(trx, userId);
  return { sessions, calendarFeedsRevoked };
}

/** Ends the user's access on its own (logging out everywhere, an administrator's revocation), audited as `action`. */
export async function endUserAccessAudited(trx: Db, ctx: AuditContext, userId: string, action: string) {
  const ended = await endUserAccess(trx, userId);
  await writeAudit(trx, ctx, { action, recordType: "app_user", recordId: userId, detail: ended });
  return ended;
}
