import { type AccessEntry, SIGNED_IN } from "../matrix.js";

/** The timeline's export answers what the timeline shows the caller (each kind under its owner's read rule). */
export const accessEntries: AccessEntry[] = [
  {
    method: "GET",
    url: "/api/partnership-timeline/export",
    access: SIGNED_IN,
    request: (ctx, scope) => ({
      url: `/api/partnership-timeline/export?nationId=${scope === "in" ? ctx.inScope.nationId : ctx.outOfScope.nationId}`,
    }),
  },
];
