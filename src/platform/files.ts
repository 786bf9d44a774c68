import { createHash } from "node:crypto";
import type { Insertable, Kysely } from "kysely";
import type { DB } from "../db/schema/index.js";
import { writeAudit } from "./audit.js";
import { auditedInsert, type RecordTable } from "./audited-write.js";
import { AppError } from "./errors.js";
import type { Ctx } from "./http/request-context.js";

/**
 * Accepted types, each with the leading bytes its content must start with (null: text, checked as UTF-8; "text":
 * text in any encoding, without NUL bytes: a CSV may come in Windows-1251, which `platform/tabular.ts` decodes).
 */
const ACCEPTED: Record<string, { extensions: string[]; magic: number[] | null | "text" }> = {
  "application/pdf": { extensions: ["pdf"], magic: [0x25, 0x50, 0x44, 0x46] },
  "image/png": { extensions: ["png"], magic: [0x89, 0x50, 0x4e, 0x47] },
  "image/jpeg": { extensions: ["jpg", "jpeg"], magic: [0xff, 0xd8, 0xff] },
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {
    extensions: ["docx"],
    magic: [0x50, 0x4b, 0x03, 0x04],
  },
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
    extensions: ["xlsx"],
    magic: [0x50, 0x4b, 0x03, 0x04],
  },
  "application/vnd.oasis.opendocument.text": { extensions: ["odt"], magic: [0x50, 0x4b, 0x03, 0x04] },
  "text/plain": { extensions: ["txt"], magic: null },
  "text/csv": { extensions: ["csv"], magic: "text" },
};

export const ACCEPTED_FILE_TYPES = Object.keys(ACCEPTED);

export interface FileUpload {
  filename: string;
  contentType: string;
  data: Buffer;
}

export interface StoredFileInfo {
  id: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  createdAt: Date;
}

/** Checks name, declared type, actual content and size; throws a 4xx naming what is wrong. */
export function checkUpload(upload: FileUpload, limitBytes: number): void {
  const rule = ACCEPTED[upload.contentType];
  if (!rule) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", `Files of type ${upload.contentType} are not accepted`, [
      { field: "file", message: `accepted types: ${ACCEPTED_FILE_TYPES.join(", ")}` },
    ]);
  }
  const filename = upload.filename.trim();
  const hasControlCharacter = [...filename].some((character) => character.charCodeAt(0) < 0x20);
  if (!filename || filename.length > 255 || /[\\/]/.test(filename) || hasControlCharacter) {
    throw new AppError("VALIDATION_FAILED", "The file name is empty, too long or has path characters", [
      { field: "file", message: "bad file name" },
    ]);
  }
  const extension = filename.split(".").pop()?.toLowerCase() ?? "";
  if (!rule.extensions.includes(extension)) {
    throw new AppError(
      "VALIDATION_FAILED",
      `A ${upload.contentType} file must end in .${rule.extensions.join(" or .")}`,
      [{ field: "file", message: "the extension does not match the type" }],
    );
  }
  if (upload.data.length === 0) {
    throw new AppError("VALIDATION_FAILED", "The file is empty", [{ field: "file", message: "is empty" }]);
  }
  if (upload.data.length > limitBytes) {
    throw new AppError("PAYLOAD_TOO_LARGE", `The file is larger than ${limitBytes} bytes`, [
      { field: "file", message: "too large" },
    ]);
  }
  const matches = Array.isArray(rule.magic)
    ? rule.magic.every((byte, index) => upload.data[index] === byte)
    : rule.magic === "text"
      ? !upload.data.includes(0) || upload.data[0] === 0xff || upload.data[0] === 0xfe
      : (() => {
          try {
            new TextDecoder("utf-8", { fatal: true }).decode(upload.data);
            return !upload.data.includes(0);
          } catch {
            return false;
          }
        })();
  if (!matches) {
    throw new AppError("VALIDATION_FAILED", `The content is not a ${upload.contentType} file`, [
      { field: "file", message: "the content does not match the declared type" },
    ]);
  }
}

/**
 * Stores a checked file inside the caller's transaction and audits it; `audited: false` when the caller's own
 * single audit entry names the file (an import: one entry per import).
 */
export async function storeFile(
  trx: Kysely<DB>,
  ctx: Ctx,
  upload: FileUpload,
  options: { audited?: boolean } = {},
): Promise<StoredFileInfo> {
  checkUpload(upload, ctx.config.uploadLimitBytes);
  const sha256 = createHash("sha256").update(upload.data).digest("hex");
  const row = await trx
    .insertInto("storedFile")
    .values({
      filename: upload.filename.trim(),
      contentType: upload.contentType,
      sizeBytes: upload.data.length,
      sha256,
      content: upload.data,
      uploadedBy: ctx.viewer.userId,
    })
    .returning(["id", "filename", "contentType", "sizeBytes", "sha256", "createdAt"])
    .executeTakeFirstOrThrow();
  if (options.audited === false) return row;
  await writeAudit(trx, ctx, {
    action: "file.store",
    recordType: "stored_file",
    recordId: row.id,
    after: row,
  });
  return row;
}

/**
 * Reads an upload from `source`, then stores the file and one audited row that names it (`values` of the stored
 * file's id) in a transaction of its own: a meeting's agenda document, an action item's evidence.
 */
export async function insertFileRecord<T extends RecordTable>(
  ctx: Ctx,
  source: UploadSource,
  table: T,
  values: (fileId: string) => Insertable<DB[T]>,
  spec: { action: string },
) {
  const upload = await source(ctx.config.uploadLimitBytes);
  return ctx.db.transaction().execute(async (trx) => {
    const file = await storeFile(trx, ctx, upload);
    return auditedInsert(trx, ctx, table, values(file.id), spec);
  });
}

export function fileInfo(db: Kysely<DB>, id: string): Promise<StoredFileInfo | undefined> {
  return db
    .selectFrom("storedFile")
    .select(["id", "filename", "contentType", "sizeBytes", "sha256", "createdAt"])
    .where("id", "=", id)
    .executeTakeFirst();
}

/**
 * Where a service reads an uploaded file from, once it has checked access to the record the file will be attached
 * to: the HTTP layer hands it over (`platform/http/files.ts`, from a multipart request) without the service knowing
 * of requests; a refused caller's file is never read.
 */
export type UploadSource = (limitBytes: number) => Promise<FileUpload>;

export interface StoredFileContent {
  filename: string;
  contentType: string;
  content: Buffer;
  sha256: string;
}

/** A stored file's content, to be sent as a download (`platform/http/files.ts`); the caller has checked access. */
export async function readStoredFile(db: Kysely<DB>, id: string): Promise<StoredFileContent> {
  const file = await db
    .selectFrom("storedFile")
    .select(["filename", "contentType", "content", "sha256"])
    .where("id", "=", id)
    .executeTakeFirst();
  if (!file) throw new AppError("NOT_FOUND", "The file was not found");
  return file;
}
