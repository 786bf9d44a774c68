import { randomBytes } from "node:crypto";
import type { Ctx } from "../../platform/http/request-context.js";

export const today = () => new Date().toISOString().slice(0, 10);
export const titles = (row: { titleEn: string; titleAz: string | null; titleRu: string | null }) => ({
  en: row.titleEn,
  az: row.titleAz,
  ru: row.titleRu,
});
export const iso = (value: Date | string | null) => (value instanceof Date ? value.toISOString() : value);

/** The code in the QR: 160 random bits, base64url (27 characters). */
export const VERIFICATION_CODE = /^[A-Za-z0-9_-]{27}$/;
export const newVerificationCode = () => randomBytes(20).toString("base64url");
export const verificationUrl = (ctx: Pick<Ctx, "config">, code: string) =>
  `${ctx.config.publicUrl.replace(/\/$/, "")}/verify/${code}`;
