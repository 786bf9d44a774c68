import { readFileSync } from "node:fs";
import http from "node:http";
import ExcelJS from "exceljs";
import { sql } from "kysely";
import type { openDatabase } from "../src/db/database.js";
import type { BenchRow } from "./bench-row.js";

/**
 * `npm run bench -- --only import`: imports 10,000 people, then 5,000 activities with 10,000 events, from XLSX
 * through the API (preview-free commit: the importer's plan runs every row through the service and undoes it,
 * then writes them), sampling the server's resident memory every 50 ms. The raw floor inserts the same rows
 * straight on PostgreSQL in one statement per table, without access checks, rules, savepoints or audit.
 */

type Db = Awaited<ReturnType<typeof openDatabase>>["db"];

const rssBytes = (pid: number) => {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
};

async function xlsx(rows: (string | number)[][]) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Import");
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** POSTs a multipart upload with node:http (fetch gives up on an answer after 300 s; a slow import is a figure). */
function post(url: string, headers: Record<string, string>, filename: string, file: Buffer) {
  const boundary = `----accordbench${Date.now().toString(16)}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: "POST",
        headers: {
          ...headers,
          "content-type": `multipart/form-data; boundary=${boundary}`,
          "content-length": String(payload.length),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }),
        );
      },
    );
    request.on("error", reject);
    request.end(payload);
  });
}

/** Posts the file to the import's commit route; returns the time taken and the server's peak RSS growth. */
async function commit(
  base: string,
  cookie: string,
  csrfToken: string,
  serverPid: number,
  kind: string,
  file: Buffer,
) {
  const baseline = rssBytes(serverPid);
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssBytes(serverPid));
  }, 50);
  const started = performance.now();
  try {
    const response = await post(
      `${base}/api/imports/${kind}/commit`,
      { cookie, "x-csrf-token": csrfToken },
      `${kind}.xlsx`,
      file,
    );
    const body = JSON.parse(response.body) as { created?: number; message?: string };
    if (response.status !== 200)
      throw new Error(`import ${kind} answered ${response.status}: ${body.message}`);
    return { ms: performance.now() - started, growth: peak - baseline, created: body.created ?? 0 };
  } finally {
    clearInterval(sampler);
  }
}

export async function importBench(
  base: string,
  cookie: string,
  csrfToken: string,
  db: Db,
  serverPid: number,
  /** The sizes by default; smaller with --import-people N --import-activities N. */
  PEOPLE = 10_000,
  ACTIVITIES = 5_000,
): Promise<BenchRow[]> {
  const tag = Date.now().toString(36).toUpperCase();
  const nations = ["AZE", "GEO", "ARM", "KAZ"];
  const people = await xlsx([
    ["Given name", "Family name", "Nation", "Email"],
    ...Array.from({ length: PEOPLE }, (_, i) => [
      `Bench${i}`,
      `Import ${tag}`,
      nations[i % nations.length]!,
      `bench-import-${tag.toLowerCase()}-${i}@example.org`,
    ]),
  ]);
  const menu = await xlsx([
    ["Code", "Title", "Kind", "Menu year", "Organiser", "Capacity", "Starts on", "Ends on"],
    ...Array.from({ length: ACTIVITIES }, (_, i) =>
      [0, 1].map((n) => [
        `BI${tag}-${i}`,
        `Bench import course ${i}`,
        "course",
        2031,
        "NATO-SCHOOL",
        20,
        `2031-${String(1 + ((i + n * 6) % 12)).padStart(2, "0")}-03`,
        `2031-${String(1 + ((i + n * 6) % 12)).padStart(2, "0")}-07`,
      ]),
    ).flat(),
  ]);

  const peopleRun = await commit(base, cookie, csrfToken, serverPid, "people", people);
  const menuRun = await commit(base, cookie, csrfToken, serverPid, "activities", menu);

  // The floor: the same rows in one insert per table, straight on PostgreSQL, rolled back.
  const floor = async (work: (trx: Db) => Promise<unknown>) => {
    const started = performance.now();
    await db
      .transaction()
      .execute(async (trx) => {
        await work(trx);
        throw new Error("rollback");
      })
      .catch(() => {});
    return performance.now() - started;
  };
  const peopleFloor = await floor((trx) =>
    sql`insert into person (given_name, family_name, nation_id, owner_nation_id, email)
      select 'Bench' || g, 'Floor ' || ${tag}, n.id, n.id, 'bench-floor-' || ${tag} || '-' || g || '@example.org'
      from generate_series(0, ${PEOPLE - 1}) g
      join nation n on n.code = (array['AZE', 'GEO', 'ARM', 'KAZ'])[1 + g % 4]`.execute(trx),
  );
  const menuFloor = await floor(async (trx) => {
    await sql`with o as (select id from organisation where code = 'NATO-SCHOOL'),
      a as (
        insert into activity (code, title_en, kind, menu_year, organiser_id, owner_organisation_id, capacity)
        select 'BF' || ${tag} || '-' || g, 'Bench floor course ' || g, 'course', 2031, o.id, o.id, 20
        from generate_series(0, ${ACTIVITIES - 1}) g, o
        returning id)
      insert into event (activity_id, starts_on, ends_on)
      select a.id, make_date(2031, 1 + n * 6, 3), make_date(2031, 1 + n * 6, 7) from a, generate_series(0, 1) n`.execute(
      trx,
    );
  });
  const mb = (bytes: number) => (bytes / 1_048_576).toFixed(0);
  return [
    {
      name: `import ${PEOPLE.toLocaleString("en")} people from XLSX (commit, all or nothing)`,
      concurrency: "1",
      p50: peopleRun.ms,
      p95: peopleRun.ms,
      p99: peopleRun.ms,
      rps: (PEOPLE / peopleRun.ms) * 1000,
      rawP50: peopleFloor,
      rawRps: (PEOPLE / peopleFloor) * 1000,
      note: `${Math.round((PEOPLE / peopleRun.ms) * 1000)} rows/s (target ≥ 2,000), ${peopleRun.created} created; server RSS peak growth ${mb(peopleRun.growth)} MB (target ≤ 200); raw: one insert of the same rows`,
    },
    {
      name: `import ${ACTIVITIES.toLocaleString("en")} activities with ${(ACTIVITIES * 2).toLocaleString("en")} events from XLSX`,
      concurrency: "1",
      p50: menuRun.ms,
      p95: menuRun.ms,
      p99: menuRun.ms,
      rps: ((ACTIVITIES * 2) / menuRun.ms) * 1000,
      rawP50: menuFloor,
      rawRps: ((ACTIVITIES * 2) / menuFloor) * 1000,
      note: `${Math.round(((ACTIVITIES * 2) / menuRun.ms) * 1000)} rows/s (target ≥ 2,000), ${menuRun.created} created; server RSS peak growth ${mb(menuRun.growth)} MB (target ≤ 200); raw: one insert per table`,
    },
  ];
}
