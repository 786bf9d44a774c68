import { Type } from "typebox";
import { IsoDate, Uuid } from "../../platform/http/schemas.js";

/** The event of a nomination, or of a feedback still to give, in short. */
export const NominatedEvent = Type.Object({
  id: Uuid,
  startsOn: IsoDate,
  endsOn: IsoDate,
  activityId: Uuid,
  activityCode: Type.String(),
  activityTitle: Type.String(),
});
