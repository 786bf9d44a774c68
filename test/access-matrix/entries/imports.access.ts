import { type AccessEntry, access, type MatrixContext } from "../matrix.js";
import { accessEntries as audit } from "./audit.access.js";
import { accessEntries as catalogue } from "./catalogue.access.js";
import { accessEntries as directory } from "./directory.access.js";
import { accessEntries as meetings } from "./meetings.access.js";
import { accessEntries as operations } from "./operations.access.js";
import { accessEntries as programmes } from "./programmes.access.js";
import { accessEntries as readiness } from "./readiness.access.js";
import { accessEntries as training } from "./training.access.js";

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
];

/**
 * Each export answers what its list answers to the same caller, so its entry is the list's: the same access and
 * the same request (its query string), asked of `/api/exports/<kind>` in XLSX. `from` rewrites the list's URL
 * where the list is not a plain list route (the items of one programme are read from the programme).
 */
const LISTS = [
  ...audit,
  ...catalogue,
  ...directory,
  ...meetings,
  ...operations,
  ...programmes,
  ...readiness,
  ...training,
];
const EXPORTS: { kind: string; list: string; from?: (url: string) => string }[] = [
  { kind: "people", list: "/api/people" },
  { kind: "activities", list: "/api/activities" },
  { kind: "events", list: "/api/calendar" },
  { kind: "nominations", list: "/api/nominations" },
  { kind: "plans", list: "/api/plans" },
  { kind: "annual-programmes", list: "/api/annual-programmes" },
  {
    kind: "programme-items",
    list: "/api/annual-programmes/:id",
    from: (url) => `?programmeId=${url.split("/").pop()}`,
  },
  { kind: "partnership-goals", list: "/api/partnership-goals" },
  { kind: "units", list: "/api/readiness/units" },
  { kind: "evaluations", list: "/api/readiness/evaluations" },
  { kind: "certificates", list: "/api/training/certificates" },
  { kind: "registry", list: "/api/training/registry" },
  { kind: "exercises", list: "/api/exercises" },
  { kind: "lessons", list: "/api/lessons" },
  { kind: "operations", list: "/api/operations" },
  { kind: "contingents", list: "/api/contingents" },
  { kind: "fund-contributions", list: "/api/fund-contributions" },
  { kind: "meetings", list: "/api/meetings" },
  { kind: "action-items", list: "/api/action-items" },
  { kind: "exchange-messages", list: "/api/exchange/messages" },
  { kind: "audit", list: "/api/audit" },
];

for (const { kind, list, from } of EXPORTS) {
  const entry = LISTS.find((e) => e.method === "GET" && e.url === list);
  if (!entry) throw new Error(`the access matrix has no entry for ${list}, the list of the ${kind} export`);
  const query = (url: string) => (from ? from(url) : url.slice(list.length));
  accessEntries.push({
    method: "GET",
    url: `/api/exports/${kind}`,
    access: entry.access,
    ...(entry.allowStatuses ? { allowStatuses: entry.allowStatuses } : {}),
    request: async (ctx, scope) => {
      const url = entry.request ? (await entry.request(ctx, scope)).url : entry.url;
      const q = query(url);
      return { url: `/api/exports/${kind}${q}${q.includes("?") ? "&" : "?"}format=xlsx` };
    },
  });
}
