/* The qualification registry: who holds which qualification, and until when. */
import "./training.policy.js";
import { authorize } from "../../platform/access/policy.js";
import type { Ctx } from "../../platform/http/request-context.js";
import { paged } from "../../platform/http/schemas.js";
import * as queries from "./training.queries.js";
import type { RegistryQuery } from "./training.schemas.js";

import { today } from "./training.values.js";

export async function listQualifications(ctx: Ctx) {
  authorize(ctx.viewer, "registry.read");
  const rows = await queries.listQualifications(ctx.db, ctx.viewer);
  return rows.map((row) => ({
    code: row.code,
    name: { en: row.nameEn, az: row.nameAz, ru: row.nameRu },
    validityYears: row.validityYears,
    holders: row.holders,
  }));
}

/** Certificates expiring within this many days are flagged in the registry. */
export const EXPIRY_ALERT_DAYS = 90;

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

export async function getRegistry(ctx: Ctx, query: RegistryQuery) {
  authorize(ctx.viewer, "registry.read");
  const onDate = query.validOn ?? today();
  const page = await queries.registry(ctx.db, ctx.viewer, query, onDate);
  const alertDays = query.expiringWithinDays ?? EXPIRY_ALERT_DAYS;
  return paged(query, {
    total: page.total,
    items: page.items.map((row) => {
      const daysLeft = row.validUntil ? daysBetween(onDate, row.validUntil) : null;
      return { ...row, daysLeft, expiringSoon: daysLeft !== null && daysLeft <= alertDays };
    }),
  });
}
