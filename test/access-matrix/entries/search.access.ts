import { type AccessEntry, SIGNED_IN } from "../matrix.js";

/**
 * The global search answers every signed-in user, each with only what they may read: that it neither lists nor
 * counts another nation's restricted records is asserted in src/modules/search/search.test.ts.
 */
export const accessEntries: AccessEntry[] = [
  {
    method: "GET",
    url: "/api/search",
    access: SIGNED_IN,
    request: () => ({ url: "/api/search?q=matrix" }),
  },
];
