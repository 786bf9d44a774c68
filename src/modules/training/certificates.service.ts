/* Certificates: reading, the PDF, language, revocation, re-issue and public verification. */
import "./training.policy.js";
import type { Transaction } from "kysely";
import type { DB } from "../../db/schema/index.js";
import { type Action, authorize, can } from "../../platform/access/policy.js";
import { writeAudit } from "../../platform/audit.js";
import { lockRow } from "../../platform/audited-write.js";
import { invalidState, notFound } from "../../platform/errors.js";
import type { Ctx } from "../../platform/http/request-context.js";
import { paged } from "../../platform/http/schemas.js";
import { enforceRateLimit } from "../../platform/rate-limit.js";
import { notify } from "../notices/index.js";
import { certificateStatus } from "./assessment.js";
import { certificateChanged } from "./certificate-changes.js";
import { type Language, renderCertificatePdf } from "./certificate-pdf.js";
import { certificateIssuer } from "./certificate-verify.queries.js";
import { publicCertificate, VERIFY_LIMIT } from "./certificate-verify.service.js";
import * as certificateQueries from "./certificates.queries.js";
import { nextNumber } from "./runs.service.js";
import type { CertificateRecord } from "./training.policy.js";
import * as queries from "./training.queries.js";
import type { CertificateQuery } from "./training.schemas.js";
import {
  iso,
  newVerificationCode,
  titles,
  today,
  VERIFICATION_CODE,
  verificationUrl,
} from "./training.values.js";

const certificateRecord = (row: queries.CertificateRow): CertificateRecord => ({
  personId: row.personId,
  personNationId: row.personNationId,
  course: { organiserId: row.organiserId, hostInstitutionId: row.hostInstitutionId },
});

function certificateOutput(ctx: Ctx, row: queries.CertificateRow) {
  return {
    id: row.id,
    number: row.number,
    holderName: row.holderName,
    personId: row.personId,
    nationCode: row.nationCode,
    courseId: row.courseId,
    courseTitle: titles(row),
    eventId: row.eventId,
    courseStartsOn: row.courseStartsOn,
    courseEndsOn: row.courseEndsOn,
    qualificationCode: row.qualificationCode,
    language: row.language,
    issuedOn: row.issuedOn,
    validFrom: row.validFrom,
    validUntil: row.validUntil,
    status: certificateStatus(row, today()),
    revokedAt: iso(row.revokedAt),
    revokedReason: row.revokedReason,
    replacesId: row.replacesId,
    verificationUrl: verificationUrl(ctx, row.verificationCode),
    sample: row.sample,
  };
}

export async function listCertificates(ctx: Ctx, query: CertificateQuery) {
  authorize(ctx.viewer, "certificate.list");
  const page = await queries.listCertificates(ctx.db, ctx.viewer, query);
  return paged(query, { ...page, items: page.items.map((row) => certificateOutput(ctx, row)) });
}

async function loadCertificate(ctx: Ctx, id: string, action: Action) {
  const row = await queries.findCertificate(ctx.db, id);
  // Someone who may not see the certificate learns nothing about it, not even that it exists.
  if (!row || !can(ctx.viewer, "certificate.read", certificateRecord(row))) {
    authorize(ctx.viewer, "certificate.list");
    throw notFound("The certificate");
  }
  authorize(ctx.viewer, action, certificateRecord(row));
  return row;
}

export async function getCertificate(ctx: Ctx, id: string) {
  const row = await loadCertificate(ctx, id, "certificate.read");
  return certificateOutput(ctx, row);
}

export async function certificatePdf(ctx: Ctx, id: string, language?: Language) {
  const row = await loadCertificate(ctx, id, "certificate.read");
  const lang = (language ?? row.language) as Language;
  const { issuer, signatory, qualification } = await certificateIssuer(ctx.db, row);
  const pick = (en: string, az: string | null | undefined, ru: string | null | undefined) =>
    (lang === "az" ? az : lang === "ru" ? ru : en) || en;
  const pdf = await renderCertificatePdf({
    language: lang,
    number: row.number,
    holderName: row.holderName,
    courseTitle: pick(row.titleEn, row.titleAz, row.titleRu),
    courseStartsOn: row.courseStartsOn,
    courseEndsOn: row.courseEndsOn,
    qualificationName: qualification
      ? pick(qualification.nameEn, qualification.nameAz, qualification.nameRu)
      : null,
    issuedOn: row.issuedOn,
    validUntil: row.validUntil,
    issuerName: pick(issuer.nameEn, issuer.nameAz, issuer.nameRu),
    signatoryName: signatory,
    verificationUrl: verificationUrl(ctx, row.verificationCode),
  });
  return { pdf, filename: `${row.number}-${lang}.pdf` };
}

export async function setCertificateLanguage(ctx: Ctx, id: string, language: Language) {
  const row = await loadCertificate(ctx, id, "certificate.choose_language");
  await ctx.db.transaction().execute(async (trx) => {
    await certificateQueries.setLanguage(trx, id, language);
    await writeAudit(trx, ctx, {
      action: "certificate.language",
      recordType: "certificate",
      recordId: id,
      before: { language: row.language },
      after: { language },
    });
  });
  return getCertificate(ctx, id);
}

async function revokeLocked(trx: Transaction<DB>, ctx: Ctx, id: string, reason: string) {
  const before = await lockRow(trx, "certificate", { id, missing: "The certificate" });
  if (before.revokedAt) throw invalidState(`The certificate ${before.number} is already revoked`);
  const after = await certificateQueries.markRevoked(trx, id, reason, ctx.viewer.userId);
  return { before, after };
}

export async function revokeCertificate(ctx: Ctx, id: string, reason: string) {
  await loadCertificate(ctx, id, "certificate.revoke");
  await ctx.db.transaction().execute(async (trx) => {
    const { before, after } = await revokeLocked(trx, ctx, id, reason);
    await notify(trx, {
      recipients: { people: [before.personId] },
      kind: "certificate.revoked",
      record: { type: "certificate", id, link: "/training/certificates" },
      title: `Certificate ${before.number}`,
      body: reason,
      params: { title: before.number, reason },
      actorUserId: ctx.viewer.userId,
    });
    await writeAudit(trx, ctx, {
      action: "certificate.revoke",
      recordType: "certificate",
      recordId: id,
      before: { revokedAt: before.revokedAt, revokedReason: null },
      after: { revokedAt: after.revokedAt, revokedReason: after.revokedReason },
      detail: { reason },
    });
    await certificateChanged(trx, ctx, before, reason);
  });
  return getCertificate(ctx, id);
}

/** Re-issue: the old certificate is revoked with the reason and a new one (new number, new code) replaces it. */
export async function reissueCertificate(ctx: Ctx, id: string, reason: string, language?: Language) {
  await loadCertificate(ctx, id, "certificate.revoke");
  const newId = await ctx.db.transaction().execute(async (trx) => {
    const { before } = await revokeLocked(trx, ctx, id, `Re-issued: ${reason}`);
    const holder = await certificateQueries.holderNames(trx, before.personId);
    const issuedOn = today();
    const row = await certificateQueries.insertReplacement(trx, {
      number: await nextNumber(trx, issuedOn),
      verificationCode: newVerificationCode(),
      courseId: before.courseId,
      eventId: before.eventId,
      nominationId: before.nominationId,
      personId: before.personId,
      qualificationCode: before.qualificationCode,
      holderName: `${holder.givenName} ${holder.familyName}`,
      language: language ?? before.language,
      issuedOn,
      validFrom: before.validFrom,
      validUntil: before.validUntil,
      replacesId: before.id,
      issuedBy: ctx.viewer.userId,
      sample: before.sample,
    });
    await writeAudit(trx, ctx, {
      action: "certificate.revoke",
      recordType: "certificate",
      recordId: before.id,
      after: { revokedReason: `Re-issued: ${reason}`, replacedBy: row.id },
    });
    await writeAudit(trx, ctx, {
      action: "certificate.reissue",
      recordType: "certificate",
      recordId: row.id,
      after: row,
      detail: { reason, replaces: before.number },
    });
    return row.id;
  });
  return getCertificate(ctx, newId);
}

export { VERIFY_LIMIT };

/**
 * Public verification by the code of the QR. Rate-limited per address before anything is looked up; unknown and
 * malformed codes get the same 404, so the endpoint tells nothing about which codes exist.
 */
export async function verifyCertificate(ctx: Ctx, code: string, ip: string) {
  authorize(ctx.viewer, "certificate.verify");
  await enforceRateLimit(ctx.db, `certificate-verify:${ip}`, VERIFY_LIMIT.hits, VERIFY_LIMIT.windowSeconds);
  const row = VERIFICATION_CODE.test(code) ? await queries.findCertificateByCode(ctx.db, code) : undefined;
  if (!row) throw notFound("The certificate");
  return publicCertificate(ctx, row);
}
