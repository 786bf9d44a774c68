import type { Transaction } from "kysely";
import type { DB } from "../../db/schema/index.js";
import type { Ctx } from "../../platform/http/request-context.js";

/** A certificate that stopped counting (revoked; re-issued revokes the old one and issues its replacement). */
export interface CertificateChange {
  certificateId: string;
  number: string;
  personId: string;
  qualificationCode: string | null;
  change: "revoked" | "reissued";
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

export async function certificateChanged(trx: Transaction<DB>, ctx: Ctx, change: CertificateChange) {
  for (const listener of listeners) await listener(trx, ctx, change);
}
