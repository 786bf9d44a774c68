import type { ReleaseInput } from "./access/releasability.js";

/**
 * A create input parted into the release its writer asked for (owners, level, release lists: resolveRelease's
 * input) and the record's own fields, which are stored as given.
 */
export function splitRelease<T extends ReleaseInput>(input: T) {
  const {
    ownerNationId,
    ownerOrganisationId,
    releasability,
    releaseNationIds,
    releaseOrganisationIds,
    ...fields
  } = input;
  const asked: ReleaseInput = {
    ownerNationId,
    ownerOrganisationId,
    releasability,
    releaseNationIds,
    releaseOrganisationIds,
  };
  return { asked, fields };
}
