import { type Static, Type } from "typebox";
import { Uuid } from "../../platform/http/schemas.js";

const Ids = Type.Array(Uuid, { maxItems: 200, uniqueItems: true });

/**
 * A message's release list, widened: each list given is the whole new list and must keep every party already on
 * it (a list not given stays as it is). The parties added receive the message.
 */
export const ReleaseWidenInput = Type.Object(
  {
    releaseNationIds: Type.Optional(Ids),
    releaseOrganisationIds: Type.Optional(Ids),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type ReleaseWidenInput = Static<typeof ReleaseWidenInput>;
