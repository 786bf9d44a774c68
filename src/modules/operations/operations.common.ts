import type { ReleasableRecord } from "../../platform/access/releasability.js";
import { validation } from "../../platform/errors.js";

/** Shared by the operations module's services: date order, owner of a child record. */
export function checkDateOrder(
  from: string | null | undefined,
  to: string | null | undefined,
  field: string,
) {
  if (from && to && to < from) throw validation(field, "must not be before the start date");
}

/** The owner a milestone or lesson names, or else the exercise's. */
export function ownerOf(
  input: { ownerNationId?: string | null; ownerOrganisationId?: string | null },
  exercise: ReleasableRecord,
) {
  if (input.ownerNationId || input.ownerOrganisationId) {
    return {
      ownerNationId: input.ownerNationId ?? null,
      ownerOrganisationId: input.ownerOrganisationId ?? null,
    };
  }
  return { ownerNationId: exercise.ownerNationId, ownerOrganisationId: exercise.ownerOrganisationId };
}
