import type { Kysely } from "kysely";
import type { DB } from "../../db/schema/index.js";

/** Attaches a stored file to a framework document. */
export function attachFile(db: Kysely<DB>, documentId: string, fileId: string) {
  return db.insertInto("frameworkDocumentFile").values({ documentId, fileId }).execute();
}
