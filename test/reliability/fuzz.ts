/**
 * A fuzzer driven by the OpenAPI document: for every operation it builds plausible requests from the schemas and
 * then breaks them (wrong types, missing and extra fields, huge strings, deep nesting, invalid UTF-8, boundary
 * numbers and dates, injection strings, random bytes), sent as signed-out and as every role. It grows with the
 * API: whatever routes exist when it runs are fuzzed. Besides, well-formed requests (fuzz-values.ts: existing
 * records' ids, ordered dates, new codes) are sent as roles that may write, so that success paths are fuzzed
 * too; every such write that is refused is checked on its own for database changes.
 */
import type { FastifyInstance, InjectOptions } from "fastify";
import pg from "pg";
import type { Agent } from "../support/test-app.js";
import { WellFormed } from "./fuzz-values.js";
import { tableFingerprints } from "./support.js";

type Schema = Record<string, any>;

export interface Operation {
  method: string;
  path: string;
  params: { name: string; in: "path" | "query"; schema: Schema; required: boolean }[];
  body: Schema | undefined;
  multipart: boolean;
}

export interface FuzzFailure {
  kind: "5xx" | "leak" | "db-change";
  method: string;
  url: string;
  status: number;
  role: string;
  body: string;
  detail: string;
}

export interface WriteFigures {
  sent: number;
  succeeded: number;
  refused: number;
}

export interface FuzzFigures {
  operations: number;
  requests: number;
  byStatus: Record<string, number>;
  /** Well-formed requests: built from the schemas with existing records' ids, sent as roles that may write. */
  wellFormed: {
    requests: number;
    /** Operations whose path named a record of a kind that does not exist yet: sent as plausible instead. */
    withoutRecord: number;
    writes: Record<string, WriteFigures>;
    refusedByStatus: Record<string, number>;
  };
  /** Writes (any kind of request) answered 2xx, by method. */
  writesSucceeded: Record<string, number>;
  serverErrors: number;
  leaks: number;
  refusedBatchesChecked: number;
  /** Refused requests whose batch was checked for database changes. */
  refusedRequestsChecked: number;
  /** Well-formed writes that were refused, each checked on its own for database changes. */
  refusedWritesChecked: number;
  dbChangesFromRefused: number;
  failures: FuzzFailure[];
  seconds: number;
}

/** Signs of an internal error text reaching a client. */
const LEAK = [
  /\n\s+at [\w.<>]+ \(/,
  /\bat \//,
  /\.ts:\d+/,
  /node_modules/,
  /\bSELECT\s/,
  /syntax error at or near/,
  /violates (unique|foreign key|check|not-null|exclusion) constraint/,
  /duplicate key value/,
  /relation "[a-z_]+"/,
  /invalid input syntax for/,
];

/**
 * Tables that change on any request by design: rate-limit counters, the sign-in back-off (a failed sign-in is
 * counted: that is its purpose) and the session's last-seen time.
 */
export const VOLATILE_TABLES = ["rate_limit_hit", "login_backoff", "user_session"];

/** A small seeded random source, so a failing run can be repeated with its seed. */
export class Random {
  constructor(private state: number) {}
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(max: number): number {
    return Math.floor(this.next() * max);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  bytes(length: number): Buffer {
    return Buffer.from(Array.from({ length }, () => this.int(256)));
  }
}

const HOSTILE_STRINGS = [
  "' or '1'='1",
  "'; drop table person; --",
  '" or ""="',
  "1; select pg_sleep(5)",
  "$1",
  "%27%20or%201=1",
  "<script>alert(1)</script>",
  `$${"{"}jndi:ldap://x/a}`,
  "{{7*7}}",
  "../../../../etc/passwd",
  "\u0000",
  "a\u0000b",
  "\u0001\u0002\u001f",
  "\u001b[2J",
  "tab\tok\u007f",
  "\ud800",
  "\udfff",
  "x\udc00\ud800y",
  "\uffff\ufffe",
  "👩🏽‍✈️🇦🇿",
  "Azərbaycan ИЛИ 1=1",
  " ",
  "",
  "null",
  "undefined",
  "NaN",
  "-0",
  "1e309",
  "0x1F",
  "true",
  "[]",
  "{}",
  "\\",
  "%00",
  "%",
  "?&=#",
  "\r\n\r\nHTTP/1.1 200 OK",
];
const BOUNDARY_NUMBERS = [
  0, -1, 1, -2147483649, 2147483647, 2147483648, 9007199254740991, 9007199254740992, -9007199254740992, 1e308,
  -1e308, 5e-324, 0.5, 1e21,
];
const BOUNDARY_DATES = [
  "0000-00-00",
  "0001-01-01",
  "1899-12-31",
  "2024-02-30",
  "2023-02-29",
  "2024-13-01",
  "9999-12-31",
  "10000-01-01",
  "-0001-01-01",
  "2024-01-01T25:61:61Z",
  "2024-01-01T00:00:00+25:00",
  "1970-01-01T00:00:00.000000001Z",
  "infinity",
  "-infinity",
  "epoch",
  "now",
  "allballs",
];
const BAD_UUIDS = [
  "not-a-uuid",
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
  "123",
  "' or 1=1 --",
  "%00",
  "a".repeat(300),
  "00000000-0000-0000-0000-00000000000g",
  "{00000000-0000-0000-0000-000000000000}",
];

function resolve(doc: Schema, schema: Schema | undefined, depth = 0): Schema {
  if (!schema || depth > 20) return {};
  if (typeof schema.$ref === "string") {
    const name = schema.$ref.split("/").at(-1)!;
    return resolve(doc, doc.components?.schemas?.[name] ?? doc.definitions?.[name], depth + 1);
  }
  return schema;
}

/** Every operation of the document, with its parameters and JSON body schema. */
export function operationsOf(doc: Schema): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries<Schema>(doc.paths ?? {})) {
    for (const method of ["get", "post", "put", "patch", "delete"]) {
      const op = item[method];
      if (!op) continue;
      const params = [...(item.parameters ?? []), ...(op.parameters ?? [])]
        .map((p: Schema) => resolve(doc, p))
        .filter((p: Schema) => p.in === "path" || p.in === "query")
        .map((p: Schema) => ({
          name: p.name as string,
          in: p.in as "path" | "query",
          schema: resolve(doc, p.schema),
          required: !!p.required || p.in === "path",
        }));
      // Path templates may hold parameters the document does not list.
      for (const match of path.matchAll(/\{(\w+)\}/g))
        if (!params.some((p) => p.in === "path" && p.name === match[1]))
          params.push({
            name: match[1]!,
            in: "path",
            schema: { type: "string", format: "uuid" },
            required: true,
          });
      const content = op.requestBody?.content ?? {};
      out.push({
        method: method.toUpperCase(),
        path,
        params,
        body: content["application/json"]?.schema
          ? resolve(doc, content["application/json"].schema)
          : undefined,
        multipart: !!content["multipart/form-data"],
      });
    }
  }
  return out;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class Generator {
  /** Ids seen in replies, so that generated requests also reach existing records. */
  readonly knownIds: string[] = [];
  constructor(
    readonly doc: Schema,
    readonly random: Random,
  ) {}

  harvest(value: unknown, depth = 0): void {
    if (depth > 6 || this.knownIds.length > 5000) return;
    if (typeof value === "string" && UUID.test(value)) this.knownIds.push(value);
    else if (Array.isArray(value)) for (const item of value.slice(0, 20)) this.harvest(item, depth + 1);
    else if (value && typeof value === "object")
      for (const item of Object.values(value).slice(0, 40)) this.harvest(item, depth + 1);
  }

  uuid(): string {
    const r = this.random;
    if (this.knownIds.length && r.chance(0.7)) return r.pick(this.knownIds);
    const hex = r.bytes(16).toString("hex");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }

  /** A value the schema accepts (as far as this generator understands schemas). */
  valid(input: Schema | undefined, depth = 0): unknown {
    const r = this.random;
    const schema = resolve(this.doc, input);
    if (depth > 8) return null;
    if ("const" in schema) return schema.const;
    if (Array.isArray(schema.enum)) return r.pick(schema.enum);
    const variants = schema.anyOf ?? schema.oneOf;
    if (Array.isArray(variants)) return this.valid(r.pick(variants), depth + 1);
    if (Array.isArray(schema.allOf))
      return Object.assign({}, ...schema.allOf.map((s: Schema) => this.valid(s, depth + 1)));
    const type = Array.isArray(schema.type) ? r.pick(schema.type) : schema.type;
    switch (type) {
      case "null":
        return null;
      case "boolean":
        return r.chance(0.5);
      case "integer":
      case "number": {
        const min = schema.minimum ?? schema.exclusiveMinimum ?? 0;
        const max = Math.min(schema.maximum ?? schema.exclusiveMaximum ?? min + 100, min + 1000);
        const value = min + r.next() * (max - min);
        return type === "integer" ? Math.floor(value) : value;
      }
      case "array": {
        const count = Math.min(schema.minItems ?? 0, 5) + r.int(3);
        const items = Array.from({ length: Math.min(count, schema.maxItems ?? 3) }, () =>
          this.valid(schema.items, depth + 1),
        );
        return schema.uniqueItems
          ? [...new Set(items.map((i) => JSON.stringify(i)))].map((i) => JSON.parse(i))
          : items;
      }
      case "object": {
        const out: Record<string, unknown> = {};
        const required = new Set<string>(schema.required ?? []);
        for (const [key, value] of Object.entries<Schema>(schema.properties ?? {}))
          if (required.has(key) || r.chance(0.6)) out[key] = this.valid(value, depth + 1);
        return out;
      }
      default:
        return this.string(schema);
    }
  }

  string(schema: Schema): string {
    const r = this.random;
    switch (schema.format) {
      case "uuid":
        return this.uuid();
      case "date":
        return `20${10 + r.int(20)}-0${1 + r.int(9)}-1${r.int(9)}`;
      case "date-time":
        return new Date(Date.UTC(2020 + r.int(10), r.int(12), 1 + r.int(28), r.int(24))).toISOString();
      case "email":
        return `fuzz${r.int(1e6)}@example.org`;
      case "uri":
        return `https://example.org/${r.int(1e6)}`;
    }
    if (schema.pattern === "^[A-Z]{3}$")
      return String.fromCharCode(65 + r.int(26), 65 + r.int(26), 65 + r.int(26));
    const min = schema.minLength ?? 1;
    const max = Math.min(schema.maxLength ?? 40, 40);
    const length = Math.max(min, Math.min(max, 3 + r.int(12)));
    return Array.from({ length }, () => r.pick([..."abcdefghijklmnopqrstuvwxyzəöüğışçАБВ0123456789 -"])).join(
      "",
    );
  }

  hostileValue(schema: Schema | undefined): unknown {
    const r = this.random;
    const s = resolve(this.doc, schema);
    switch (r.int(9)) {
      case 0:
        return r.pick(HOSTILE_STRINGS);
      case 1:
        return r.pick(BOUNDARY_NUMBERS);
      case 2:
        return r.pick(BOUNDARY_DATES);
      case 3:
        return r.pick(BAD_UUIDS);
      case 4:
        return "x".repeat(r.pick([1_000, 70_000, 300_000, 1_000_000]));
      case 5:
        return deep(r.pick([20, 200, 800]), r.chance(0.5));
      case 6:
        // the wrong type for the schema
        return s.type === "string" ? r.pick([1, true, [], {}, null]) : r.pick(["text", "", [1], { a: 1 }]);
      case 7:
        return r.pick([null, true, false, [], {}, [null], -0]);
      default:
        return r.pick([...BOUNDARY_NUMBERS.map(String), ...HOSTILE_STRINGS]);
    }
  }
}

function deep(levels: number, arrays: boolean): unknown {
  let value: unknown = "bottom";
  for (let i = 0; i < levels; i++) value = arrays ? [value] : { a: value };
  return value;
}

/** Sets a hostile value at a random place inside a plausible body. */
function mutateInside(generator: Generator, body: unknown, schema: Schema | undefined): unknown {
  const r = generator.random;
  if (!body || typeof body !== "object" || Array.isArray(body)) return generator.hostileValue(schema);
  const copy: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  const s = resolve(generator.doc, schema);
  const keys = Object.keys(s.properties ?? copy);
  switch (r.int(4)) {
    case 0: {
      // a required field missing
      const required: string[] = s.required ?? keys;
      if (required.length) delete copy[r.pick(required)];
      else copy[`extra_${r.int(100)}`] = "x";
      return copy;
    }
    case 1:
      copy[r.pick(["extra", "__proto__", "constructor", "id", "createdAt", "ownerNationId", "role"])] =
        generator.hostileValue(undefined);
      return copy;
    default: {
      const key = keys.length ? r.pick(keys) : "field";
      copy[key] = generator.hostileValue(s.properties?.[key]);
      return copy;
    }
  }
}

/** Percent-encodes a path value; a lone surrogate becomes its (invalid) UTF-8 bytes, %ED%A0%80 and the like. */
function encodePathValue(value: string): string {
  return [...value]
    .map((char) => {
      const code = char.charCodeAt(0);
      if (code >= 0xd800 && code <= 0xdfff && char.length === 1)
        return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
          .map((byte) => `%${byte.toString(16).toUpperCase()}`)
          .join("");
      return encodeURIComponent(char);
    })
    .join("");
}

interface Built {
  url: string;
  payload?: string | Buffer;
  contentType?: string;
  omitCsrf?: boolean;
}

/** A request for the operation: plausible (`hostile` false) or deliberately broken. */
export function buildRequest(generator: Generator, op: Operation, hostile: boolean): Built {
  const r = generator.random;
  const target = !hostile
    ? "none"
    : r.pick(["path", "query", "body", "body", "body", "raw", "csrf"] as const);
  let url = op.path;
  for (const p of op.params.filter((p) => p.in === "path")) {
    const bad = target === "path" && (op.params.filter((q) => q.in === "path").length === 1 || r.chance(0.5));
    const value = bad ? String(generator.hostileValue(p.schema)) : String(generator.valid(p.schema));
    url = url.replace(`{${p.name}}`, encodePathValue(value));
  }
  const query = new URLSearchParams();
  for (const p of op.params.filter((p) => p.in === "query")) {
    if (!p.required && !r.chance(0.4)) continue;
    const value = generator.valid(p.schema);
    if (value !== undefined && value !== null)
      query.append(p.name, typeof value === "object" ? JSON.stringify(value) : String(value));
  }
  if (target === "query") {
    const names = op.params.filter((p) => p.in === "query");
    const name = names.length && r.chance(0.8) ? r.pick(names).name : `extra${r.int(10)}`;
    const value = generator.hostileValue(undefined);
    query.set(name, typeof value === "object" ? JSON.stringify(value).slice(0, 20_000) : String(value));
    if (r.chance(0.3)) query.append(name, "2");
  }
  if (query.size) url += `?${query.toString()}`;

  if (op.method === "GET" || op.method === "DELETE") {
    if (target === "body" || target === "raw")
      return {
        url,
        payload: JSON.stringify(generator.hostileValue(undefined)),
        contentType: "application/json",
      };
    return { url, omitCsrf: target === "csrf" };
  }
  if (op.multipart) {
    if (target === "none")
      return { url, ...multipart(r, "file", "note.txt", "text/plain", Buffer.from("sample\n")) };
    return {
      url,
      ...r.pick([
        () => multipart(r, "file", "x.pdf", "application/pdf", r.bytes(200)),
        () => multipart(r, "file", "../../etc/passwd", "text/plain", Buffer.from("x")),
        () => multipart(r, "other", "x.txt", "text/plain", Buffer.from("x")),
        () => multipart(r, "file", "x.exe", "application/x-msdownload", Buffer.from("MZ\x90\x00")),
        () => ({ payload: r.bytes(300), contentType: "multipart/form-data; boundary=zz" }),
        () => ({ payload: JSON.stringify({ file: "x" }), contentType: "application/json" }),
      ])(),
    };
  }
  const body = generator.valid(op.body);
  switch (target) {
    case "none":
      return { url, payload: JSON.stringify(body ?? {}), contentType: "application/json" };
    case "body":
      return {
        url,
        payload: JSON.stringify(mutateInside(generator, body, op.body)),
        contentType: "application/json",
      };
    case "raw":
      return {
        url,
        ...r.pick([
          () => ({ payload: r.bytes(1 + r.int(2000)), contentType: "application/json" }),
          () => ({
            payload: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]),
          }),
          () => ({ payload: JSON.stringify(body ?? {}).slice(0, -1), contentType: "application/json" }),
          () => ({ payload: "null", contentType: "application/json" }),
          () => ({ payload: "[]", contentType: "application/json" }),
          () => ({ payload: "12345678901234567890", contentType: "application/json" }),
          () => ({ payload: JSON.stringify(body ?? {}), contentType: "text/plain" }),
          () => ({ payload: r.bytes(100), contentType: "application/octet-stream" }),
          () => ({ payload: "a=1&b=2", contentType: "application/x-www-form-urlencoded" }),
          () => ({ payload: "x".repeat(1_100_000), contentType: "application/json" }),
          () => ({ payload: `${"[".repeat(20_000)}1${"]".repeat(20_000)}`, contentType: "application/json" }),
          () => ({
            payload: `${'{"a":'.repeat(20_000)}1${"}".repeat(20_000)}`,
            contentType: "application/json",
          }),
          () => ({ payload: '{"a":1,"a":2,"__proto__":{"admin":true}}', contentType: "application/json" }),
        ])(),
      };
    default:
      return { url, payload: JSON.stringify(body ?? {}), contentType: "application/json", omitCsrf: true };
  }
}

function multipart(r: Random, field: string, filename: string, type: string, data: Buffer) {
  const boundary = `----fuzz${r.int(1e9)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, data, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

export interface FuzzOptions {
  app: FastifyInstance;
  databaseUrl: string;
  agents: { role: string; agent: Agent }[];
  requests: number;
  seed?: number;
  /** Requests between two database fingerprints; a batch of hostile requests that were all refused must leave it. */
  batch?: number;
  /** Rows the well-formed requests never pick (the agents' users and people). */
  protectedIds?: string[];
  log?: (message: string) => void;
}

/** Routes that end the caller's own session: fuzzed only signed out, so the agents stay signed in. */
const SESSION_ENDING = /^\/api\/auth\/(logout|logout-everywhere|password)$/;

export async function fuzz(options: FuzzOptions): Promise<FuzzFigures> {
  const started = Date.now();
  const random = new Random(options.seed ?? 12);
  const doc = (await options.app.inject({ method: "GET", url: "/api/openapi.json" })).json() as Schema;
  const operations = operationsOf(doc);
  const generator = new Generator(doc, random);
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 2 });
  pool.on("error", () => {});
  const figures: FuzzFigures = {
    operations: operations.length,
    requests: 0,
    byStatus: {},
    serverErrors: 0,
    leaks: 0,
    wellFormed: { requests: 0, withoutRecord: 0, writes: {}, refusedByStatus: {} },
    writesSucceeded: {},
    refusedBatchesChecked: 0,
    refusedRequestsChecked: 0,
    refusedWritesChecked: 0,
    dbChangesFromRefused: 0,
    failures: [],
    seconds: 0,
  };
  const batchSize = options.batch ?? 10;
  const wellFormed = new WellFormed(pool, () => random.next(), doc);
  for (const id of options.protectedIds ?? []) wellFormed.protectedIds.add(id);
  const administrator = options.agents.find((a) => a.role === "administrator");
  const writers = options.agents.filter(
    (a) => a.agent.cookie && !["participant", "auditor"].includes(a.role),
  );
  /** The fingerprint of the database as it is now, when nothing was sent since it was taken. */
  let current: Awaited<ReturnType<typeof tableFingerprints>> | undefined;
  const changedTables = (
    before: Awaited<ReturnType<typeof tableFingerprints>>,
    after: Awaited<ReturnType<typeof tableFingerprints>>,
  ) => Object.keys(after).filter((table) => JSON.stringify(after[table]) !== JSON.stringify(before[table]));

  // Warm up: read every list, so that generated ids include real records.
  for (const op of operations.filter((o) => o.method === "GET" && !o.path.includes("{"))) {
    const reply = await options.app.inject({
      method: "GET",
      url: op.path,
      headers: { cookie: options.agents.find((a) => a.role === "administrator")?.agent.cookie ?? "" },
    });
    try {
      generator.harvest(reply.json());
    } catch {
      // not JSON: nothing to harvest
    }
  }

  try {
    while (figures.requests < options.requests) {
      // Hostile batches must change nothing. Well-formed batches make real writes happen (as roles that may
      // write), and each of their refused writes is checked on its own; a few plausible batches send the
      // generator's random but valid-looking values.
      const kind = random.chance(0.6) ? "hostile" : random.chance(0.8) ? "well-formed" : "plausible";
      const hostile = kind === "hostile";
      const before = hostile ? await tableFingerprints(pool, VOLATILE_TABLES) : undefined;
      current = undefined;
      let allRefused = true;
      const sent: string[] = [];
      for (let i = 0; i < batchSize && figures.requests < options.requests; i++) {
        // Operations are taken in turn, so that every route is reached in every run, however short.
        const op = operations[figures.requests % operations.length]!;
        const who =
          kind === "well-formed"
            ? administrator && (random.chance(0.7) || !writers.length)
              ? administrator
              : random.pick(writers)
            : random.pick(options.agents);
        const signedIn = !!who.agent.cookie;
        const asAgent = SESSION_ENDING.test(op.path) && signedIn ? options.agents[0]! : who;
        let built = buildRequest(generator, op, hostile);
        const write = op.method !== "GET";
        let checkAlone = false;
        let isWellFormed = false;
        if (kind === "well-formed") {
          const url = await wellFormed.url(op.path, op.params);
          isWellFormed = url !== undefined;
          if (isWellFormed) figures.wellFormed.requests += 1;
          if (url === undefined) figures.wellFormed.withoutRecord += 1;
          else if (op.multipart || op.method === "GET" || op.method === "DELETE") built = { ...built, url };
          else {
            const body = await wellFormed.body(op.body, op.path);
            built = { url, payload: JSON.stringify(body ?? {}), contentType: "application/json" };
          }
          if (write) {
            checkAlone = true;
            current ??= await tableFingerprints(pool, VOLATILE_TABLES);
          }
        }
        const headers: Record<string, string> = {};
        if (asAgent.agent.cookie) headers.cookie = asAgent.agent.cookie;
        if (asAgent.agent.csrfToken && op.method !== "GET" && !built.omitCsrf)
          headers["x-csrf-token"] = asAgent.agent.csrfToken;
        if (built.contentType) headers["content-type"] = built.contentType;
        const request: InjectOptions = {
          method: op.method as InjectOptions["method"],
          url: built.url,
          headers,
          ...(built.payload !== undefined ? { payload: built.payload } : {}),
        };
        const reply = await options.app.inject(request);
        figures.requests += 1;
        const status = reply.statusCode;
        figures.byStatus[status] = (figures.byStatus[status] ?? 0) + 1;
        const description = `${op.method} ${built.url.slice(0, 200)}`;
        sent.push(`${description} -> ${status}`);
        if (status < 400 && write) allRefused = false;
        if (write && status >= 200 && status < 300)
          figures.writesSucceeded[op.method] = (figures.writesSucceeded[op.method] ?? 0) + 1;
        const text = reply.body.slice(0, 100_000);
        const failure = (kind: FuzzFailure["kind"], detail: string) =>
          figures.failures.length < 200 &&
          figures.failures.push({
            kind,
            method: op.method,
            url: built.url.slice(0, 300),
            status,
            role: asAgent.role,
            body:
              typeof built.payload === "string"
                ? built.payload.slice(0, 300)
                : built.payload
                  ? `<${built.payload.length} bytes>`
                  : "",
            detail,
          });
        if (status >= 500) {
          figures.serverErrors += 1;
          failure("5xx", text.slice(0, 300));
        }
        const leak = LEAK.find((pattern) => pattern.test(text));
        if (leak) {
          figures.leaks += 1;
          failure("leak", `${leak}: ${text.slice(0, 300)}`);
        }
        if (isWellFormed && write) {
          const counts = figures.wellFormed.writes[op.method] ?? { sent: 0, succeeded: 0, refused: 0 };
          figures.wellFormed.writes[op.method] = counts;
          counts.sent += 1;
          if (status < 300) counts.succeeded += 1;
          else if (status >= 400) {
            counts.refused += 1;
            figures.wellFormed.refusedByStatus[status] =
              (figures.wellFormed.refusedByStatus[status] ?? 0) + 1;
          }
        }
        if (checkAlone && current && status >= 400) {
          // A refused write, alone since the last fingerprint: it must not have changed anything.
          const after = await tableFingerprints(pool, VOLATILE_TABLES);
          figures.refusedWritesChecked += 1;
          const changed = changedTables(current, after);
          if (changed.length) {
            figures.dbChangesFromRefused += 1;
            failure("db-change", `tables changed by a refused well-formed write: ${changed.join(", ")}`);
          }
          current = after;
        } else current = undefined;
        if (
          status < 300 &&
          reply.headers["content-type"]?.toString().includes("json") &&
          random.chance(0.3)
        ) {
          try {
            generator.harvest(JSON.parse(text));
          } catch {
            // a truncated or non-JSON reply
          }
        }
      }
      if (before && allRefused) {
        figures.refusedBatchesChecked += 1;
        figures.refusedRequestsChecked += sent.length;
        const after = await tableFingerprints(pool, VOLATILE_TABLES);
        const changed = changedTables(before, after);
        if (changed.length) {
          figures.dbChangesFromRefused += 1;
          figures.failures.push({
            kind: "db-change",
            method: "-",
            url: "-",
            status: 0,
            role: "-",
            body: sent.join("\n"),
            detail: `tables changed by refused requests: ${changed.join(", ")}`,
          });
        }
      }
      if (figures.requests % 1000 < batchSize)
        options.log?.(`${figures.requests} requests, ${figures.serverErrors} 5xx, ${figures.leaks} leaks`);
    }
  } finally {
    await pool.end();
  }
  figures.seconds = Math.round((Date.now() - started) / 1000);
  return figures;
}
