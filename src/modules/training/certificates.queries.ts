import { type Insertable, type Kysely, sql, type Transaction } from "kysely";
import type { DB } from "../../db/schema/index.js";
import type { Language } from "./certificate-pdf.js";

type Trx = Transaction<DB>;

export const setLanguage = (trx: Trx, id: string, language: Language) =>
  trx.updateTable("certificate").set({ language }).where("id", "=", id).execute();

/** Revokes a certificate row the caller has locked; returns the row as it is now. */
export const markRevoked = (trx: Trx, id: string, reason: string, userId: string | null) =>
  trx
    .updateTable("certificate")
    .set({ revokedAt: sql<Date>`now()`, revokedReason: reason, revokedBy: userId })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();

/** The holder's names as a new certificate prints them (read at issue, then kept on the certificate). */
export const holderNames = (db: Kysely<DB> | Trx, personId: string) =>
  db
    .selectFrom("person")
    .select(["givenName", "familyName"])
    .where("id", "=", personId)
    .executeTakeFirstOrThrow();

/** A certificate that replaces a revoked one, with what the re-issue's answer and audit entry name. */
export const insertReplacement = (trx: Trx, values: Insertable<DB["certificate"]>) =>
  trx
    .insertInto("certificate")
    .values(values)
    .returning(["id", "number", "holderName", "validFrom", "validUntil", "replacesId"])
    .executeTakeFirstOrThrow();
