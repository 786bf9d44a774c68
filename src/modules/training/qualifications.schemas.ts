import { type Static, Type } from "typebox";
import { Nullable, StrictObject, Text } from "../../platform/http/schemas.js";

const strict = { additionalProperties: false } as const;

/** The qualification's names: English required, Azerbaijani and Russian optional. */
const NamesInput = StrictObject({
  en: Text(300),
  az: Type.Optional(Nullable(Text(300))),
  ru: Type.Optional(Nullable(Text(300))),
});

export const QualificationInput = StrictObject({
  code: Type.String({
    pattern: "^[A-Z0-9][A-Z0-9_-]{1,59}$",
    description: "Upper-case code, 2 to 60 characters; never changes once given",
  }),
  name: NamesInput,
  validityYears: Type.Integer({ minimum: 1, maximum: 50, description: "How long a certificate is valid" }),
});
export type QualificationInput = Static<typeof QualificationInput>;

export const QualificationPatch = Type.Object(
  {
    name: Type.Optional(NamesInput),
    validityYears: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
  },
  { ...strict, minProperties: 1 },
);
export type QualificationPatch = Static<typeof QualificationPatch>;

export const QualificationParams = StrictObject({ code: Type.String({ maxLength: 60 }) });

export const QualificationOutput = Type.Object({
  code: Type.String(),
  name: Type.Object({ en: Type.String(), az: Nullable(Type.String()), ru: Nullable(Type.String()) }),
  validityYears: Type.Integer(),
});
