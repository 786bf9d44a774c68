import { type AccessEntry, access, type MatrixContext, PUBLIC, SIGNED_IN } from "../matrix.js";

/**
 * The roles that keep records may run an import; each row is then held to the record's own rule, so an
 * out-of-scope row is a row error in the preview (200) and is skipped by a valid-rows-only commit (200, nothing
 * written). Those row-level refusals are tested in imports.test.ts.
 */
const IMPORTERS = access({ administrator: "allow", national_coordinator: "allow", organiser: "allow" });

async function peopleFile(ctx: MatrixContext, scope: "in" | "out") {
  const owner = scope === "in" ? ctx.inScope : ctx.outOfScope;
  const nation = await ctx.db
    .selectFrom("nation")
    .select("code")
    .where("id", "=", owner.nationId)
    .executeTakeFirstOrThrow();
  const organisation = await ctx.db
    .selectFrom("organisation")
    .select("code")
    .where("id", "=", owner.organisationId)
    .executeTakeFirstOrThrow();
  const boundary = "----matrixboundary";
  const csv = `given name,family name,nation,email,organisation\r\nMatrix,Import,${nation.code},import-${ctx.unique()}@matrix.example,${organisation.code}\r\n`;
  return {
    body: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="people.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`,
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

export const accessEntries: AccessEntry[] = [
  { method: "GET", url: "/api/imports", access: IMPORTERS },
  {
    method: "POST",
    url: "/api/imports/:kind/preview",
    access: IMPORTERS,
    request: async (ctx, scope) => ({
      url: "/api/imports/people/preview",
      ...(await peopleFile(ctx, scope)),
    }),
  },
  {
    method: "POST",
    url: "/api/imports/:kind/commit",
    access: IMPORTERS,
    request: async (ctx, scope) => ({
      url: "/api/imports/people/commit?mode=valid",
      ...(await peopleFile(ctx, scope)),
    }),
  },
  // Exports answer what the list answers: people and nominations to the signed-in, the menu to everyone.
  { method: "GET", url: "/api/exports/people", access: SIGNED_IN },
  { method: "GET", url: "/api/exports/nominations", access: SIGNED_IN },
  { method: "GET", url: "/api/exports/activities", access: PUBLIC },
];
