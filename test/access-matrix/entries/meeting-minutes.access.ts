import type { AccessEntry } from "../matrix.js";
import { meeting, READERS } from "./meetings.access.js";

/** The meeting's minutes as a PDF: the readers of the meeting, as its JSON read. */
export const accessEntries: AccessEntry[] = [
  {
    method: "GET",
    url: "/api/meetings/:id/minutes.pdf",
    access: READERS,
    request: async (ctx, scope) => ({
      url: `/api/meetings/${(await meeting(ctx, scope)).id}/minutes.pdf?lang=ru`,
    }),
  },
];
