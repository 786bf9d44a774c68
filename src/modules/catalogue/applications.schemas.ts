import { type Static, Type } from "typebox";
import {
  IsoDate,
  IsoDateTime,
  NextStates,
  Nullable,
  PageQuery,
  StrictObject,
  StringEnum,
  Uuid,
} from "../../platform/http/schemas.js";
import { APPLICATION_STATUSES } from "./applications.transitions.js";

const Reason = Type.String({ minLength: 1, maxLength: 2000 });

export const ApplyInput = StrictObject({ motivation: Type.Optional(Reason) });
export type ApplyInput = Static<typeof ApplyInput>;

export const ApplicationDecisionInput = StrictObject({ reason: Type.Optional(Reason) });
export type ApplicationDecisionInput = Static<typeof ApplicationDecisionInput>;

export const ApplicationQuery = StrictObject({
  scope: Type.Optional(
    StringEnum(
      ["mine", "deciding"],
      "mine: the caller's own applications; deciding: those of the nations the caller coordinates (the inbox)",
    ),
  ),
  status: Type.Optional(StringEnum(APPLICATION_STATUSES)),
  eventId: Type.Optional(Uuid),
  ...PageQuery,
});
export type ApplicationQuery = Static<typeof ApplicationQuery>;

export const Application = Type.Object({
  id: Uuid,
  eventId: Uuid,
  event: Type.Object({
    id: Uuid,
    startsOn: IsoDate,
    endsOn: IsoDate,
    activityCode: Type.String(),
    activityTitle: Type.String(),
  }),
  person: Type.Object({ id: Uuid, givenName: Type.String(), familyName: Type.String() }),
  nation: Type.Object({ id: Uuid, code: Type.String(), nameEn: Type.String() }),
  status: StringEnum(APPLICATION_STATUSES),
  motivation: Nullable(Type.String()),
  reason: Nullable(Type.String()),
  nominationId: Nullable(Uuid),
  decidedAt: Nullable(IsoDateTime),
  createdAt: IsoDateTime,
  allowedTransitions: NextStates(APPLICATION_STATUSES),
  canDecide: Type.Boolean(),
});
