import type { Transaction } from "kysely";
import type { DB } from "../../db/schema/index.js";
import type { Ctx } from "../../platform/http/request-context.js";

/**
 * A certificate that stopped counting: revoked. (A re-issue revokes the old certificate and issues its replacement
 * with the same validity in one transaction, so what the holder is certified for does not change.)
 */
export interface CertificateChange {
  certificateId: string;
  number: string;
  personId: string;
  qualificationCode: string | null;
  change: "revoked";
  reason: string;
}

export type CertificateChangeListener = (
  trx: Transaction<DB>,
  ctx: Ctx,
  change: CertificateChange,
) => Promise<void>;

const listeners: CertificateChangeListener[] = [];

/**
 * Other capabilities that depend on a qualification (readiness: certified evaluators on teams) subscribe here; they
 * run inside the transaction that changes the certificate, so their re-check commits or rolls back with it.
 */
export function onCertificateChange(listener: CertificateChangeListener): void {
  if (!listeners.includes(listener)) listeners.push(listener);
}

/** Tells the listeners, inside the revoking transaction, that the certificate (its row before) was revoked. */
export async function certificateChanged(
  trx: Transaction<DB>,
  ctx: Ctx,
  certificate: { id: string; number: string; personId: string; qualificationCode: string | null },
  reason: string,
) {
  const change: CertificateChange = {
    certificateId: certificate.id,
    number: certificate.number,
    personId: certificate.personId,
    qualificationCode: certificate.qualificationCode,
    change: "revoked",
    reason,
  };
  for (const listener of listeners) await listener(trx, ctx, change);
}
