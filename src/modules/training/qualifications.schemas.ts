import { type Static, Type } from "typebox";
import { Nullable, Text } from "../../platform/http/schemas.js";

const strict = { additionalProperties: false } as const;

/** The qualification's names: English required, Azerbaijani and Russian optional. */
const NamesInput = Type.Object(
  { en: Text(300), az: Type.Optional(Nullable(Text(300))), ru: Type.Optional(Nullable(Text(300))) },
  strict,
);

export const QualificationInput = Type.Object(
  {
    code: Type.String({
      pattern: "^[A-Z0-9][A-Z0-9_-]{1,59}$",
      description: "Upper-case code, 2 to 60 characters; never changes once given",
    }),
    name: NamesInput,
    validityYears: Type.Integer({ minimum: 1, maximum: 50, description: "How long a certificate is valid" }),
  },
  strict,
);
export type QualificationInput = Static<typeof QualificationInput>;

export const QualificationPatch = Type.Object(
  {
    name: Type.Optional(NamesInput),
    validityYears: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
  },
  { ...strict, minProperties: 1 },
);
export type QualificationPatch = Static<typeof QualificationPatch>;

export const QualificationParams = Type.Object({ code: Type.String({ maxLength: 60 }) }, strict);

export const QualificationOutput = Type.Object({
  code: Type.String(),
  name: Type.Object({ en: Type.String(), az: Nullable(Type.String()), ru: Nullable(Type.String()) }),
  validityYears: Type.Integer(),
});
