import type { AuditEntryRow } from "./audit.queries.js";

export const CSV_COLUMNS = [
  "seq",
  "occurred_at",
  "actor_user_id",
  "actor",
  "action",
  "record_type",
  "record_id",
  "diff",
  "request_id",
  "prev_hash",
  "hash",
] as const;

/**
 * One CSV cell (RFC 4180). Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR) is prefixed
 * with an apostrophe, so an exported trail cannot carry a formula injection from a record's content.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text =
    value instanceof Date
      ? value.toISOString()
      : typeof value === "object"
        ? JSON.stringify(value)
        : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (cells: unknown[]) => `${cells.map(csvCell).join(",")}\r\n`;

export const entryLine = (entry: AuditEntryRow) =>
  csvLine([
    entry.seq,
    entry.occurredAt,
    entry.actorUserId,
    entry.actorLabel,
    entry.action,
    entry.recordType,
    entry.recordId,
    entry.diff,
    entry.requestId,
    entry.prevHash,
    entry.hash,
  ]);
