import { type Static, Type } from "typebox";
import { DoubleBooking, Nullable, StrictObject, Text, Uuid } from "../../platform/http/schemas.js";

const DelegationMember = StrictObject({
  name: Text(200),
  position: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  personId: Type.Optional(Nullable(Uuid)),
});

/** A delegation to a meeting; a member who is a person already committed over the meeting's dates needs an override. */
export const DelegationInput = StrictObject({
  nationId: Type.Optional(Nullable(Uuid)),
  organisationId: Type.Optional(Nullable(Uuid)),
  headName: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  members: Type.Optional(Type.Array(DelegationMember, { maxItems: 200 })),
  ...DoubleBooking.overrideFields,
});
export type DelegationInput = Static<typeof DelegationInput>;
