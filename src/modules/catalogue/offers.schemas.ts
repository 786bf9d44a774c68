import { type Static, Type } from "typebox";
import {
  DoubleBooking,
  IsoDate,
  IsoDateTime,
  Nullable,
  StrictObject,
  StringEnum,
  Text,
  Uuid,
} from "../../platform/http/schemas.js";

export const OFFER_STATUSES = ["offered", "accepted", "declined", "expired", "withdrawn"] as const;

/** The nominator's own fields of a nomination; a change of priority needs a reason, kept in the audit trail. */
export const NominationPatch = Type.Object(
  {
    priority: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
    note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    reason: Type.Optional(Text(2000)),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type NominationPatch = Static<typeof NominationPatch>;

export const SeatOffer = Type.Object({
  id: Uuid,
  nominationId: Uuid,
  eventId: Uuid,
  status: StringEnum(OFFER_STATUSES),
  offeredAt: IsoDateTime,
  expiresAt: IsoDateTime,
  decidedAt: Nullable(IsoDateTime),
  reason: Nullable(Type.String()),
  person: Type.Object({ id: Uuid, givenName: Type.String(), familyName: Type.String() }),
  nationId: Uuid,
  nominationStatus: Type.String(),
  activity: Type.Object({ code: Type.String(), title: Type.String() }),
  startsOn: IsoDate,
  endsOn: IsoDate,
  /** Whether the viewer may accept or decline it (while it is open). */
  canAnswer: Type.Boolean(),
});
export type SeatOffer = Static<typeof SeatOffer>;

export const SeatOfferList = Type.Object({ items: Type.Array(SeatOffer) });

export const OfferAnswer = StrictObject({ reason: Type.Optional(Text(2000)) });
export type OfferAnswer = Static<typeof OfferAnswer>;

/** Accepting an offered seat over a double booking takes an override with its reason (issue 22, item 4). */
export const OfferAccept = StrictObject({ ...DoubleBooking.overrideFields });
export type OfferAccept = Static<typeof OfferAccept>;
