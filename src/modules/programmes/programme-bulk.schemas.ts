import { type Static, Type } from "typebox";
import { StrictObject, Uuid } from "../../platform/http/schemas.js";

/** Several activities of the catalogue added to a programme at once (a selection from a catalogue search). */
export const BulkItemInput = StrictObject({
  activityIds: Type.Array(Uuid, { minItems: 1, maxItems: 100, uniqueItems: true }),
  plannedParticipants: Type.Optional(Type.Integer({ minimum: 0, maximum: 10000 })),
  objectiveIds: Type.Optional(Type.Array(Uuid, { maxItems: 20, uniqueItems: true })),
});
export type BulkItemInput = Static<typeof BulkItemInput>;
