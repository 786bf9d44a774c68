import { authorize } from "../../platform/access/policy.js";
import { notFound } from "../../platform/errors.js";
import type { Ctx } from "../../platform/http/request-context.js";
import { enforceRateLimit } from "../../platform/rate-limit.js";
import { certificateStatus } from "./assessment.js";
import * as queries from "./certificate-verify.queries.js";
import type { findCertificateByCode } from "./training.queries.js";

type CertificateRow = NonNullable<Awaited<ReturnType<typeof findCertificateByCode>>>;

export const VERIFY_LIMIT = { hits: 20, windowSeconds: 60 };

const names = (row: { nameEn: string; nameAz: string | null; nameRu: string | null }) => ({
  en: row.nameEn,
  az: row.nameAz,
  ru: row.nameRu,
});

/** What the public verification shows: the certificate's number, holder, course, qualification, issuer and validity. */
export async function publicCertificate(ctx: Ctx, row: CertificateRow) {
  const { issuer, signatory, qualification } = await queries.certificateIssuer(ctx.db, row);
  return {
    number: row.number,
    holderName: row.holderName,
    courseTitle: { en: row.titleEn, az: row.titleAz, ru: row.titleRu },
    courseStartsOn: row.courseStartsOn,
    courseEndsOn: row.courseEndsOn,
    qualification: qualification ? names(qualification) : null,
    issuer: names(issuer),
    signatory,
    issuedOn: row.issuedOn,
    validFrom: row.validFrom,
    validUntil: row.validUntil,
    status: certificateStatus(row, new Date().toISOString().slice(0, 10)),
  };
}

/**
 * Look-up by the number printed on the certificate, with the holder's family name: numbers run in sequence, so the
 * number alone would let anyone list every holder. Rate-limited with the QR look-up.
 */
export async function lookupCertificate(ctx: Ctx, number: string, holder: string, ip: string) {
  authorize(ctx.viewer, "certificate.verify");
  await enforceRateLimit(ctx.db, `certificate-verify:${ip}`, VERIFY_LIMIT.hits, VERIFY_LIMIT.windowSeconds);
  const row = await queries.findCertificateByNumber(ctx.db, number.trim());
  const name = holder.trim().toLocaleLowerCase();
  const holderNames = row?.holderName.toLocaleLowerCase().split(/\s+/) ?? [];
  if (!row || !name || !(holderNames.includes(name) || row.holderName.toLocaleLowerCase() === name)) {
    throw notFound("The certificate");
  }
  return publicCertificate(ctx, row);
}
