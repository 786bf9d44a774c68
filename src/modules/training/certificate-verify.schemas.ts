import { Type } from "typebox";
import { IsoDate, Nullable, StrictObject, StringEnum } from "../../platform/http/schemas.js";

// Defined here, not imported: training.schemas.ts re-exports PublicCertificate from this file.
const Titles = Type.Object({ en: Type.String(), az: Nullable(Type.String()), ru: Nullable(Type.String()) });
const CERTIFICATE_STATUSES = ["valid", "expired", "revoked"] as const;

export const PublicCertificate = Type.Object({
  number: Type.String(),
  holderName: Type.String(),
  courseTitle: Titles,
  courseStartsOn: IsoDate,
  courseEndsOn: IsoDate,
  qualification: Nullable(Titles),
  issuer: Titles,
  signatory: Nullable(Type.String()),
  issuedOn: IsoDate,
  validFrom: IsoDate,
  validUntil: Nullable(IsoDate),
  status: StringEnum(CERTIFICATE_STATUSES),
});
export const CertificateLookupQuery = StrictObject({
  number: Type.String({ minLength: 1, maxLength: 64 }),
  holder: Type.String({ minLength: 1, maxLength: 200 }),
});
