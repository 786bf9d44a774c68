import { type AuditRecord, writeAudit } from "./audit.js";
import { notFound } from "./errors.js";
import { readStoredFile } from "./files.js";
import type { Ctx } from "./http/request-context.js";

/**
 * A stored document handed to a reader whose reading is kept in the audit trail (who read which document of which
 * record); 404 with `missing` when the record has no such document.
 */
export async function readAuditedFile(
  ctx: Ctx,
  fileId: string | null | undefined,
  missing: string,
  reading: AuditRecord,
) {
  if (!fileId) throw notFound(missing);
  await writeAudit(ctx.db, ctx, reading);
  return readStoredFile(ctx.db, fileId);
}
