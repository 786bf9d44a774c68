import type { FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../errors.js";
import type { FileUpload, StoredFileContent, UploadSource } from "../files.js";

/**
 * The single file part of a multipart/form-data request (field name `file`), read only when the service asks for
 * it (after its access check), within the size limit it gives.
 */
export function uploadFrom(request: FastifyRequest): UploadSource {
  return async (limitBytes: number): Promise<FileUpload> => {
    if (!request.isMultipart()) {
      throw new AppError(
        "UNSUPPORTED_MEDIA_TYPE",
        "Send the file as multipart/form-data in a field named file",
      );
    }
    const part = await request.file({ limits: { fileSize: limitBytes, files: 1 } });
    if (part?.fieldname !== "file") {
      throw new AppError("VALIDATION_FAILED", "No file was sent in the field named file", [
        { field: "file", message: "is required" },
      ]);
    }
    const data = await part.toBuffer().catch((error: { code?: string }) => {
      if (error.code === "FST_REQ_FILE_TOO_LARGE") {
        throw new AppError("PAYLOAD_TOO_LARGE", `The file is larger than ${limitBytes} bytes`, [
          { field: "file", message: "too large" },
        ]);
      }
      throw error;
    });
    return { filename: part.filename, contentType: part.mimetype, data };
  };
}

/** Sends a stored file as a download, under its own name (RFC 6266) and never sniffed as another type. */
export function sendFile(reply: FastifyReply, file: StoredFileContent): FastifyReply {
  const asciiName = file.filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return reply
    .header("content-type", file.contentType)
    .header(
      "content-disposition",
      `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    )
    .header("x-content-type-options", "nosniff")
    .header("etag", `"${file.sha256}"`)
    .send(file.content);
}

/**
 * Sends an export made for this request (a CSV, say) as a download under the name it was given: not kept by any
 * cache, since it holds what the caller may read now, and never sniffed as another type.
 */
export function sendExport(
  reply: FastifyReply,
  file: { contentType: string; filename: string },
  body: Buffer | NodeJS.ReadableStream,
): FastifyReply {
  return reply
    .type(file.contentType)
    .header("content-disposition", `attachment; filename="${file.filename}"`)
    .header("cache-control", "no-store")
    .header("x-content-type-options", "nosniff")
    .send(body);
}
