import { type ReleasableRecord, releaseOutput } from "../../platform/access/releasability.js";
import { validation } from "../../platform/errors.js";

/** Shared by the operations module's services: date order, release output, owner of a child record. */
export function checkDateOrder(
  from: string | null | undefined,
  to: string | null | undefined,
  field: string,
) {
  if (from && to && to < from) throw validation(field, "must not be before the start date");
}

export function withRelease<T extends ReleasableRecord>(row: T) {
  const { ownerNationId, ownerOrganisationId, releasability, releaseNations, releaseOrganisations, ...rest } =
    row;
  return {
    ...rest,
    ...releaseOutput({
      ownerNationId,
      ownerOrganisationId,
      releasability,
      releaseNations,
      releaseOrganisations,
    }),
  };
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
