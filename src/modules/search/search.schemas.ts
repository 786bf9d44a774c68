import { type Static, Type } from "typebox";
import { Nullable, StrictObject, StringEnum, Uuid } from "../../platform/http/schemas.js";
import { SEARCH_KINDS } from "../../platform/search.js";

export const SearchQuery = StrictObject({
  q: Type.String({
    minLength: 1,
    maxLength: 200,
    description: "Words to find, in English, Azerbaijani or Russian",
  }),
  kinds: Type.Optional(
    Type.String({
      maxLength: 400,
      description: `Comma-separated kinds to search (default all): ${SEARCH_KINDS.join(", ")}`,
    }),
  ),
  limit: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 100, default: 5, description: "Results per kind" }),
  ),
});
export type SearchQuery = Static<typeof SearchQuery>;

export const SearchHit = Type.Object({
  id: Uuid,
  kind: StringEnum(SEARCH_KINDS),
  parentId: Nullable(Uuid),
  code: Nullable(Type.String()),
  titleEn: Type.String(),
  titleAz: Nullable(Type.String()),
  titleRu: Nullable(Type.String()),
  exact: Type.Boolean({ description: "The words were found as typed (else as a close spelling)" }),
});

export const SearchGroup = Type.Object({
  kind: StringEnum(SEARCH_KINDS),
  total: Type.Integer({
    description:
      "The matches of this kind the caller may see, counted up to a cap (ACCORD_SEARCH_COUNT_CAP, 1,000)",
  }),
  capped: Type.Boolean({ description: "More than `total` match: the count stopped at the cap" }),
  items: Type.Array(SearchHit),
});

export const SearchResult = Type.Object({
  total: Type.Integer({ description: "The sum of the groups' totals" }),
  capped: Type.Boolean({ description: "A group's count stopped at the cap: more than `total` match" }),
  groups: Type.Array(SearchGroup),
});
