/**
 * Bad bytes into every field: for every JSON write of the OpenAPI document, a well-formed body with every optional
 * field filled (fuzz-values.ts) is sent once per string it holds, at any depth (so fields stored as JSON —
 * prerequisites, external references, course modules, saved searches — are reached too), with that string
 * replaced by text PostgreSQL or the exports cannot take: NUL, other control characters, lone surrogates. Each must
 * be refused with 400 naming the field, and change nothing. A 1 MB string and deeply nested JSON go into a sample of
 * fields too (any answer but a 5xx, and a refused one changes nothing), and NUL into every string query parameter.
 */
import type { FastifyInstance } from "fastify";
import pg from "pg";
import type { Agent } from "../support/test-app.js";
import { operationsOf, Random, VOLATILE_TABLES } from "./fuzz.js";
import { WellFormed } from "./fuzz-values.js";
import { tableFingerprints } from "./support.js";

type Schema = Record<string, any>;
type Path = (string | number)[];

export const BAD_TEXT = [
  "\u0000",
  "before\u0000after",
  "\u0001",
  "\u0008",
  "\u000b",
  "\u001b[31mred",
  "\u007f",
  "\ud800",
  "lone \udfff low",
  "\udc00\ud800",
];
const HUGE = "x".repeat(1_000_000);
/** Nested JSON as text: a value that deep overflows the stack of JSON.stringify, not of the server's parser. */
const deep = (levels: number, arrays: boolean): string =>
  arrays
    ? `${"[".repeat(levels)}"bottom"${"]".repeat(levels)}`
    : `${'{"a":'.repeat(levels)}"bottom"${"}".repeat(levels)}`;
const SENTINEL = "\u2063fuzz-field\u2063";

export interface FieldFailure {
  kind: "5xx" | "accepted" | "db-change" | "unnamed";
  request: string;
  status: number;
  detail: string;
}

export interface FieldFigures {
  operations: number;
  /** Operations with a JSON body for which a well-formed body with at least one string could be built. */
  operationsReached: number;
  fields: number;
  /** Requests whose body carried bad text in one field. */
  badText: number;
  /** Of those, refused with 400 naming exactly the field that carried it. */
  namedExactly: number;
  huge: number;
  hugeAccepted: string[];
  deep: number;
  queryParams: number;
  /** Refused requests not checked for database changes (their operation also had an accepted request). */
  unverified: number;
  byStatus: Record<string, number>;
  failures: FieldFailure[];
  seconds: number;
}

/** Paths of every string in a JSON value (strings inside arrays and objects at any depth). */
export function stringPaths(value: unknown, path: Path = []): Path[] {
  if (typeof value === "string") return [path];
  if (Array.isArray(value)) return value.flatMap((item, i) => stringPaths(item, [...path, i]));
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([key, item]) => stringPaths(item, [...path, key]));
  return [];
}

function withValue(body: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const copy: any = Array.isArray(body) ? [...body] : { ...(body as object) };
  const [head, ...rest] = path;
  copy[head as any] = withValue(copy[head as any], rest, value);
  return copy;
}

export interface FieldFuzzOptions {
  app: FastifyInstance;
  databaseUrl: string;
  administrator: Agent;
  protectedIds?: string[];
  seed?: number;
  /** Every bad value into every field (long mode); otherwise NUL into every field and one other bad value each. */
  exhaustive?: boolean;
}

export async function fuzzFields(options: FieldFuzzOptions): Promise<FieldFigures> {
  const started = Date.now();
  const random = new Random(options.seed ?? 7);
  const doc = (await options.app.inject({ method: "GET", url: "/api/openapi.json" })).json() as Schema;
  const operations = operationsOf(doc);
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 2 });
  pool.on("error", () => {});
  const values = new WellFormed(pool, () => random.next(), doc);
  values.full = true;
  for (const id of options.protectedIds ?? []) values.protectedIds.add(id);
  const admin = options.administrator;
  const figures: FieldFigures = {
    operations: 0,
    operationsReached: 0,
    fields: 0,
    badText: 0,
    namedExactly: 0,
    huge: 0,
    hugeAccepted: [],
    deep: 0,
    queryParams: 0,
    unverified: 0,
    byStatus: {},
    failures: [],
    seconds: 0,
  };
  const volatile = VOLATILE_TABLES;

  const send = async (method: string, url: string, body?: unknown) => {
    const reply = await admin.request(method as "POST", url, body);
    figures.byStatus[reply.status] = (figures.byStatus[reply.status] ?? 0) + 1;
    return reply;
  };
  const fail = (kind: FieldFailure["kind"], request: string, status: number, detail: string) => {
    if (figures.failures.length < 200) figures.failures.push({ kind, request, status, detail });
  };
  // A refused request must change nothing. Fingerprinting every table takes a few hundred milliseconds, so the
  // short mode compares fingerprints around runs of operations whose requests were all refused (one accepted
  // request starts a new run; the refused requests of its operation are counted as unverified); the exhaustive
  // mode compares them around each operation's requests.
  let baseline = await tableFingerprints(pool, volatile);
  let run: string[] = [];
  const checkRun = async () => {
    const now = await tableFingerprints(pool, volatile);
    const changed = Object.keys(now).filter((t) => JSON.stringify(now[t]) !== JSON.stringify(baseline[t]));
    if (changed.length)
      fail("db-change", run.join("\n").slice(0, 3000), 0, `refused requests changed: ${changed.join(", ")}`);
    baseline = now;
    run = [];
  };
  try {
    for (const op of operations) {
      if (op.method === "GET" || op.method === "DELETE" || op.multipart || !op.body) continue;
      if (/^\/api\/auth\/(logout|logout-everywhere|password)$/.test(op.path)) continue;
      figures.operations += 1;
      const url = await values.url(op.path, op.params);
      if (!url) continue;
      const body = await values.body(op.body, op.path);
      const paths = stringPaths(body);
      if (!paths.length) continue;
      figures.operationsReached += 1;
      figures.fields += paths.length;
      let accepted = false;

      // NUL into every string; in the short mode one other bad value per operation, in the exhaustive one all.
      // The requests of an operation are sent a few at a time: each is refused before any write.
      const cases = paths.map((path) => ({ path, text: "\u0000" }));
      const others = BAD_TEXT.slice(1);
      if (options.exhaustive) for (const path of paths) for (const text of others) cases.push({ path, text });
      else cases.push({ path: random.pick(paths), text: random.pick(others) });
      for (let i = 0; i < cases.length; i += 4) {
        await Promise.all(
          cases.slice(i, i + 4).map(async ({ path, text }) => {
            const reply = await send(op.method, url, withValue(body, path, text));
            figures.badText += 1;
            const field = ["body", ...path].join(".");
            const request = `${op.method} ${url} ${field}=${JSON.stringify(text)}`;
            run.push(`${request} -> ${reply.status}`);
            if (reply.status >= 500) fail("5xx", request, reply.status, reply.text.slice(0, 300));
            else if (reply.status < 400) {
              accepted = true;
              fail("accepted", request, reply.status, reply.text.slice(0, 300));
            } else if (reply.status === 400 && reply.body?.fields?.[0]?.field === field)
              figures.namedExactly += 1;
            // Otherwise refused for another reason first (the schema, access): the text check was not reached.
          }),
        );
      }

      // A 1 MB string and deep JSON into one field each (short mode: of every third operation): no 5xx.
      for (const kind of ["huge", "deep"] as const) {
        if (!options.exhaustive && figures.operationsReached % 3 !== 0) continue;
        const path = random.pick(paths);
        const value =
          kind === "huge" ? JSON.stringify(HUGE) : deep(random.pick([64, 800, 5000]), random.chance(0.5));
        const payload = JSON.stringify(withValue(body, path, SENTINEL)).replace(
          JSON.stringify(SENTINEL),
          value,
        );
        const reply = await send(op.method, url, payload);
        figures[kind] += 1;
        const request = `${op.method} ${url} ${["body", ...path].join(".")}=<${kind}>`;
        run.push(`${request} -> ${reply.status}`);
        if (reply.status >= 500) fail("5xx", request, reply.status, reply.text.slice(0, 300));
        else if (reply.status < 300) {
          accepted = true;
          if (kind === "huge") figures.hugeAccepted.push(`${op.method} ${op.path} ${path.join(".")}`);
          else fail("accepted", request, reply.status, "deep JSON in a string field was accepted");
        }
      }
      if (accepted) {
        figures.unverified += run.length;
        baseline = await tableFingerprints(pool, volatile);
        run = [];
      } else if (options.exhaustive || run.length > 400) await checkRun();
    }
    await checkRun();

    // NUL into every string query parameter of every read.
    for (const op of operations.filter((o) => o.method === "GET")) {
      const names = op.params.filter(
        (p) => p.in === "query" && (p.schema.type === "string" || !p.schema.type),
      );
      if (!names.length) continue;
      // Required parameters get well-formed values, so that the bad one is the only fault.
      const required = op.params.filter((p) => p.in === "path" || p.required);
      const url = await values.url(op.path, required);
      if (!url) continue;
      for (const p of names) {
        const [pathname, search] = url.split("?");
        const query = new URLSearchParams(search ?? "");
        query.set(p.name, "a\u0000b");
        const target = `${pathname}?${query.toString()}`;
        const reply = await send("GET", target);
        figures.queryParams += 1;
        const request = `GET ${target}`;
        if (reply.status >= 500) fail("5xx", request, reply.status, reply.text.slice(0, 300));
        else if (reply.status < 400) fail("accepted", request, reply.status, reply.text.slice(0, 200));
        else if (reply.status === 400 && reply.body?.fields?.[0]?.field !== `query.${p.name}`)
          fail("unnamed", request, reply.status, reply.text.slice(0, 300));
      }
    }
  } finally {
    await pool.end();
  }
  figures.seconds = Math.round((Date.now() - started) / 1000);
  return figures;
}
