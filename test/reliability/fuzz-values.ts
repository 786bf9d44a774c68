/**
 * Well-formed requests for the fuzzer: bodies and paths built from the OpenAPI schemas with realistic values, so
 * that a measurable share of writes succeeds. Identifiers come from existing records of the right kind, found in
 * the database by the table that the path segment or the field name suggests (`organisationId` → organisation,
 * `/api/plan-periods/{id}` → plan_period, `/api/meetings/{id}/agenda/{itemId}` → a meeting_agenda_item row that
 * refers to the meeting); codes that name reference rows (`areaCode`, `qualificationCode`) come from those rows;
 * other codes are new and unique; dates of a body are ordered (a start before its end).
 */
import type pg from "pg";

type Schema = Record<string, any>;

/** Words of a path segment or field name, in snake case: `hostNationId` → host_nation_id. */
const snake = (name: string) =>
  name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/[-\s]+/g, "_")
    .toLowerCase();

function singular(word: string): string {
  const irregular: Record<string, string> = {
    people: "person",
    criteria: "criterion",
    series: "series",
    evidence: "evidence",
    statuses: "status",
    addresses: "address",
  };
  if (irregular[word]) return irregular[word]!;
  if (word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (/(ss|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith("s") && !word.endsWith("ss")) return word.slice(0, -1);
  return word;
}

/** Names whose table the name alone does not give. */
const ALIASES: Record<string, { table: string; where?: string }> = {
  unit: { table: "organisation", where: "kind = 'unit'" },
  organiser: { table: "organisation" },
  institution: { table: "organisation" },
  centre: { table: "organisation" },
  parent: { table: "organisation" },
  user: { table: "app_user" },
  grant: { table: "role_assignment" },
  run: { table: "event" },
  accreditation: { table: "accreditation_application" },
  checklist: { table: "checklist_template" },
  thread: { table: "exchange_message" },
  forwarded_from: { table: "exchange_message" },
  copied_from: { table: "activity" },
  file: { table: "stored_file" },
  area: { table: "cooperation_area" },
  kind: { table: "plan_kind" },
};

export interface Lookup {
  table: string;
  where?: string;
}

/** UTC date `days` after 2027-01-04, as an ISO date. */
const isoDay = (days: number) => new Date(Date.UTC(2027, 0, 4 + days)).toISOString().slice(0, 10);

const START = /(^|_)(start|starts|started|begins|from|opens|valid_from|declared_from|issued)(_|$)/;
const END = /(^|_)(end|ends|ended|to|until|closes|finishes|due|declared_to|valid_until)(_|$)/;

export class WellFormed {
  private columns: Map<string, Set<string>> | undefined;
  private readonly cache = new Map<string, { at: number; values: string[] }>();
  private clock = 0;
  private counter = 0;
  /** Rows never picked: the fuzzing accounts' users and people, so the fuzzer does not lock itself out. */
  readonly protectedIds = new Set<string>();
  /** Fill every optional field, one item in every array and the non-null variant of every union. */
  full = false;

  constructor(
    private readonly pool: pg.Pool,
    private readonly random: () => number,
    private readonly doc: Schema,
  ) {}

  private int(max: number) {
    return Math.floor(this.random() * max);
  }
  private pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  private chance(p: number) {
    return this.random() < p;
  }

  private resolve(schema: Schema | undefined, depth = 0): Schema {
    if (!schema || depth > 20) return {};
    if (typeof schema.$ref === "string") {
      const name = schema.$ref.split("/").at(-1)!;
      return this.resolve(this.doc.components?.schemas?.[name] ?? this.doc.definitions?.[name], depth + 1);
    }
    return schema;
  }

  private async tableColumns(): Promise<Map<string, Set<string>>> {
    if (!this.columns) {
      const { rows } = await this.pool.query<{ table_name: string; column_name: string }>(
        `select table_name, column_name from information_schema.columns
         where table_schema = current_schema()`,
      );
      this.columns = new Map();
      for (const row of rows) {
        if (!this.columns.has(row.table_name)) this.columns.set(row.table_name, new Set());
        this.columns.get(row.table_name)!.add(row.column_name);
      }
    }
    return this.columns;
  }

  /**
   * Tables a name may refer to, best first: the name itself, an alias, tables ending in `_name`; a multi-word
   * name falls back to its last words (`host_nation` → nation). Context words (the path) rank the candidates.
   */
  async tablesFor(name: string, context: string[] = []): Promise<Lookup[]> {
    const columns = await this.tableColumns();
    const words = snake(name)
      .replace(/_(id|ids|code|codes)$/, "")
      .split("_")
      .filter(Boolean);
    for (let start = 0; start < words.length; start++) {
      const rest = [...words.slice(start, -1), singular(words.at(-1)!)].join("_");
      const alias = ALIASES[rest];
      if (columns.has(rest)) return [{ table: rest }];
      if (alias) return [alias];
      const suffixed = [...columns.keys()].filter((table) => table.endsWith(`_${rest}`));
      if (suffixed.length) {
        const score = (table: string) => -context.filter((word) => table.includes(word)).length;
        return suffixed
          .sort((a, b) => score(a) - score(b) || a.length - b.length)
          .map((table) => ({ table }));
      }
    }
    return [];
  }

  /** Values of a column of existing rows of the candidates (rows referring to `parentId` first). */
  async existing(candidates: Lookup[], column: "id" | "code", parentId?: string): Promise<string[]> {
    const columns = await this.tableColumns();
    for (const filtered of parentId ? [true, false] : [false]) {
      for (const candidate of candidates) {
        if (!columns.get(candidate.table)?.has(column)) continue;
        const key = `${candidate.table}|${candidate.where ?? ""}|${column}|${filtered ? parentId : ""}`;
        const cached = this.cache.get(key);
        let values = cached && this.clock - cached.at < 20 ? cached.values : undefined;
        if (!values) {
          const args: unknown[] = [];
          const conditions = [candidate.where];
          if (filtered) {
            args.push(parentId);
            conditions.push(
              `$${args.length}::text in (select value from jsonb_each_text(to_jsonb(t)) where key <> 'id')`,
            );
          }
          if (column === "id" && this.protectedIds.size) {
            args.push([...this.protectedIds]);
            conditions.push(`not (t.id::text = any($${args.length}::text[]))`);
          }
          const where = conditions.filter(Boolean);
          const { rows } = await this.pool.query<{ value: string }>(
            `select t.${column}::text as value from ${candidate.table} t
             ${where.length ? `where ${where.join(" and ")}` : ""}
             order by 1 limit 200`,
            args,
          );
          values = rows.map((row) => row.value);
          this.cache.set(key, { at: this.clock, values });
        }
        if (values.length) return values;
      }
    }
    return [];
  }

  private async existingFor(name: string, column: "id" | "code", context: string[], parentId?: string) {
    return this.existing(await this.tablesFor(name, context), column, parentId);
  }

  private unique(prefix: string) {
    return `${prefix}${Date.now().toString(36).toUpperCase()}${++this.counter}`;
  }

  /** A string the schema (and its pattern) accepts, realistic for the field. */
  private async string(schema: Schema, field: string, context: string[], dates: Map<string, string>) {
    const name = snake(field);
    switch (schema.format) {
      case "uuid": {
        const ids = await this.existingFor(field, "id", context);
        return ids.length ? this.pick(ids) : undefined;
      }
      case "date":
        return this.date(name, dates);
      case "date-time":
        return `${this.date(name, dates)}T09:00:00.000Z`;
      case "email":
        return `fuzz.${this.unique("").toLowerCase()}@example.org`;
      case "uri":
        return `https://example.org/${this.int(1e6)}`;
    }
    const pattern = schema.pattern ? new RegExp(schema.pattern) : undefined;
    const min = schema.minLength ?? 0;
    const max = schema.maxLength ?? 200;
    const fits = (value: string | undefined): value is string =>
      value !== undefined && value.length >= min && value.length <= max && (!pattern || pattern.test(value));
    // A code that names an existing row (an area, a qualification, a checklist template, a nation).
    if (/code/.test(name) || (pattern && /^\^\[a-z\]/.test(schema.pattern))) {
      const codes = await this.existingFor(field, "code", context);
      const known = codes.filter(fits);
      if (known.length && (name !== "code" || !this.chance(0.9))) return this.pick(known);
    }
    const candidates = [
      `Fuzz ${field} ${this.int(1000)}`,
      this.unique("FZ"),
      `fz_${this.unique("").toLowerCase()}`,
      "en",
      String.fromCharCode(65 + this.int(26), 65 + this.int(26), 65 + this.int(26)),
      "EUR",
      `https://example.org/${this.int(1e6)}`,
      "+994 12 555 01 01",
      "UTC",
      `${1 + this.int(90_000)}.50`,
      `fuzz${this.unique("").toLowerCase()}`,
      "x",
    ];
    return candidates.find(fits);
  }

  /** Dates of one body are ordered: a start field gets the body's base date, an end field a later one. */
  private date(name: string, dates: Map<string, string>): string {
    if (!dates.has("base")) dates.set("base", isoDay(this.int(700)));
    const base = dates.get("base")!;
    const offset = (days: number) =>
      new Date(Date.parse(`${base}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    if (START.test(name)) return base;
    if (END.test(name)) return offset(5 + this.int(30));
    return offset(this.int(60) - 20);
  }

  /** A value of the schema, realistic for a field of that name; undefined when none could be made. */
  async value(
    input: Schema | undefined,
    field: string,
    context: string[],
    dates: Map<string, string>,
    depth = 0,
  ): Promise<unknown> {
    const schema = this.resolve(input);
    if (depth > 6) return undefined;
    if ("const" in schema) return schema.const;
    if (Array.isArray(schema.enum)) return this.pick(schema.enum);
    const variants = schema.anyOf ?? schema.oneOf;
    if (Array.isArray(variants)) {
      const nonNull = variants.filter((v: Schema) => this.resolve(v).type !== "null");
      const chosen =
        nonNull.length && (this.full || this.chance(0.85)) ? this.pick(nonNull) : this.pick(variants);
      return this.value(chosen, field, context, dates, depth + 1);
    }
    if (Array.isArray(schema.allOf)) {
      const parts = await Promise.all(
        schema.allOf.map((s: Schema) => this.value(s, field, context, dates, depth + 1)),
      );
      return Object.assign({}, ...parts);
    }
    const type = Array.isArray(schema.type) ? this.pick(schema.type) : schema.type;
    switch (type) {
      case "null":
        return null;
      case "boolean":
        return this.chance(0.5);
      case "integer":
      case "number": {
        const min =
          schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 0);
        const max = Math.min(schema.maximum ?? (schema.exclusiveMaximum ?? min + 50) - 1, min + 50);
        if (/year/i.test(field) && min <= 2027 && (schema.maximum ?? 9999) >= 2027) return 2027 + this.int(2);
        const value = min + this.random() * (max - min);
        return type === "integer" ? Math.round(value) : Math.round(value * 100) / 100;
      }
      case "array": {
        const wanted = Math.max(schema.minItems ?? 0, this.full ? 1 : this.int(3));
        const count = Math.min(wanted, schema.maxItems ?? 3);
        const items: unknown[] = [];
        for (let i = 0; i < count; i++) {
          const item = await this.value(schema.items, singular(snake(field)), context, dates, depth + 1);
          if (item !== undefined) items.push(item);
        }
        return schema.uniqueItems ? [...new Map(items.map((i) => [JSON.stringify(i), i])).values()] : items;
      }
      case "object": {
        const out: Record<string, unknown> = {};
        const required = new Set<string>(schema.required ?? []);
        for (const [key, property] of Object.entries<Schema>(schema.properties ?? {})) {
          if (!required.has(key) && !this.full && !this.chance(0.4)) continue;
          const value = await this.value(property, key, context, dates, depth + 1);
          if (value !== undefined) out[key] = value;
        }
        return out;
      }
      default:
        return this.string(schema, field, context, dates);
    }
  }

  /** The path with its parameters filled by existing records, and the query; undefined when no record fits. */
  async url(
    path: string,
    params: { name: string; in: "path" | "query"; schema: Schema; required: boolean }[],
  ): Promise<string | undefined> {
    this.clock += 1;
    const segments = path.split("/");
    let parentId: string | undefined;
    const filled: string[] = [];
    for (const [index, segment] of segments.entries()) {
      const match = /^\{(\w+)\}$/.exec(segment);
      if (!match) {
        filled.push(segment);
        continue;
      }
      const param = match[1]!;
      const previous = segments[index - 1] ?? "";
      const name = param === "id" ? previous : param;
      const context = segments.slice(0, index).flatMap((s) => snake(s).split("_").map(singular));
      const schema = this.resolve(params.find((p) => p.name === param)?.schema);
      let value: string | undefined;
      if (schema.format === "uuid" || param.endsWith("Id") || param === "id") {
        const ids = await this.existingFor(name, "id", context, parentId);
        value = ids.length ? this.pick(ids) : undefined;
      } else {
        value = (await this.value(schema, param, context, new Map())) as string | undefined;
      }
      if (value === undefined) return undefined;
      filled.push(encodeURIComponent(value));
      parentId = value;
    }
    const query = new URLSearchParams();
    const context = segments.flatMap((s) => snake(s).split("_").map(singular));
    const dates = new Map<string, string>();
    for (const p of params.filter((p) => p.in === "query")) {
      if (!p.required && !this.chance(0.3)) continue;
      const value = await this.value(p.schema, p.name, context, dates);
      if (value !== undefined && value !== null)
        query.append(p.name, typeof value === "object" ? JSON.stringify(value) : String(value));
    }
    return filled.join("/") + (query.size ? `?${query.toString()}` : "");
  }

  /** A body for the operation's JSON schema, with context from the path. */
  body(schema: Schema | undefined, path: string): Promise<unknown> {
    const context = path.split("/").flatMap((s) => snake(s).split("_").map(singular));
    return this.value(schema, "body", context, new Map());
  }
}
