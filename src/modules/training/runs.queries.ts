import { type Insertable, sql, type Transaction } from "kysely";
import type { DB } from "../../db/schema/index.js";
import type { Language } from "./certificate-pdf.js";

type Trx = Transaction<DB>;

/** The run's row, created on first use and locked so that writes to one run are serialised. */
export async function ensureAndLockRun(trx: Trx, eventId: string, courseId: string) {
  await trx
    .insertInto("courseRun")
    .values({ eventId, courseId })
    .onConflict((oc) => oc.column("eventId").doNothing())
    .execute();
  return trx
    .selectFrom("courseRun")
    .selectAll()
    .where("eventId", "=", eventId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

/** Which of these nominations are accepted participants of the event. */
export async function acceptedAmong(trx: Trx, eventId: string, ids: string[]): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await trx
    .selectFrom("nomination")
    .select("id")
    .where("eventId", "=", eventId)
    .where("status", "=", "accepted")
    .where("id", "in", ids)
    .execute();
  return rows.map((row) => row.id);
}

export const sessionStarts = (trx: Trx, eventId: string) =>
  trx.selectFrom("eventSession").select(["id", "startsAt"]).where("eventId", "=", eventId).execute();

export const clearResult = (trx: Trx, nominationId: string, componentCode: string) =>
  trx
    .deleteFrom("assessmentResult")
    .where("nominationId", "=", nominationId)
    .where("componentCode", "=", componentCode)
    .execute();

/** Scores per participant and component; a second score of the same pair replaces the first. */
export const upsertResults = (trx: Trx, rows: Insertable<DB["assessmentResult"]>[]) =>
  trx
    .insertInto("assessmentResult")
    .values(rows)
    .onConflict((oc) =>
      oc.columns(["nominationId", "componentCode"]).doUpdateSet((eb) => ({
        score: eb.ref("excluded.score"),
        recordedBy: eb.ref("excluded.recordedBy"),
        recordedAt: sql<Date>`now()`,
      })),
    )
    .execute();

/** The outcomes frozen at sign-off (one per participant, recomputed if a sign-off is repeated). */
export const upsertOutcomes = (trx: Trx, rows: Insertable<DB["courseOutcome"]>[]) =>
  trx
    .insertInto("courseOutcome")
    .values(rows)
    .onConflict((oc) =>
      oc.column("nominationId").doUpdateSet((eb) => ({
        outcome: eb.ref("excluded.outcome"),
        totalPercent: eb.ref("excluded.totalPercent"),
        attendancePercent: eb.ref("excluded.attendancePercent"),
        reasons: eb.ref("excluded.reasons"),
        computedAt: sql<Date>`now()`,
      })),
    )
    .execute();

export const markSignedOff = (trx: Trx, eventId: string, userId: string | null, note: string | null) =>
  trx
    .updateTable("courseRun")
    .set({ signedOffAt: sql<Date>`now()`, signedOffBy: userId, signOffNote: note })
    .where("eventId", "=", eventId)
    .execute();

/** The language of the holder's oldest active account, which a new certificate is printed in; else English. */
export async function preferredLanguage(trx: Trx, personId: string): Promise<Language> {
  const user = await trx
    .selectFrom("appUser")
    .select("preferredLanguage")
    .where("personId", "=", personId)
    .where("disabledAt", "is", null)
    .orderBy("createdAt")
    .executeTakeFirst();
  return (user?.preferredLanguage as Language | undefined) ?? "en";
}

export const qualificationValidity = (trx: Trx, code: string) =>
  trx.selectFrom("qualification").select("validityYears").where("code", "=", code).executeTakeFirst();

/**
 * Participants who passed the run and hold no live certificate of it, by family name; only the given nominations
 * when `nominationIds` is set (none when it is empty).
 */
export async function passedWithoutCertificate(
  trx: Trx,
  eventId: string,
  nominationIds: string[] | undefined,
) {
  if (nominationIds?.length === 0) return [];
  let candidates = trx
    .selectFrom("courseOutcome as o")
    .innerJoin("nomination as n", "n.id", "o.nominationId")
    .innerJoin("person as p", "p.id", "n.personId")
    .where("o.eventId", "=", eventId)
    .where("o.outcome", "=", "pass")
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("certificate as x")
            .select("x.id")
            .whereRef("x.nominationId", "=", "o.nominationId")
            .where("x.revokedAt", "is", null),
        ),
      ),
    )
    .select(["o.nominationId", "p.id as personId", "p.givenName", "p.familyName"]);
  if (nominationIds) candidates = candidates.where("o.nominationId", "in", nominationIds);
  return candidates.orderBy("p.familyName").execute();
}

export const insertCertificate = (trx: Trx, values: Insertable<DB["certificate"]>) =>
  trx
    .insertInto("certificate")
    .values(values)
    .returning(["id", "number", "holderName", "nominationId", "validFrom", "validUntil"])
    .executeTakeFirstOrThrow();

/** The next value of the certificate number sequence (values never repeat, even after a rollback). */
export async function nextCertificateSequence(trx: Trx) {
  const { rows } = await sql<{ n: string }>`select nextval('certificate_number_seq')::text as n`.execute(trx);
  return rows[0]!.n;
}
