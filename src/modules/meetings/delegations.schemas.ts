import { type Static, Type } from "typebox";
import { DoubleBooking, Nullable, Text, Uuid } from "../../platform/http/schemas.js";

const DelegationMember = Type.Object(
  {
    name: Text(200),
    position: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    personId: Type.Optional(Nullable(Uuid)),
  },
  { additionalProperties: false },
);

/** A delegation to a meeting; a member who is a person already committed over the meeting's dates needs an override. */
export const DelegationInput = Type.Object(
  {
    nationId: Type.Optional(Nullable(Uuid)),
    organisationId: Type.Optional(Nullable(Uuid)),
    headName: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    members: Type.Optional(Type.Array(DelegationMember, { maxItems: 200 })),
    ...DoubleBooking.overrideFields,
  },
  { additionalProperties: false },
);
export type DelegationInput = Static<typeof DelegationInput>;
