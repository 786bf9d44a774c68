import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/test-app.js";
import { readTable } from "../../platform/tabular.js";

const run = promisify(execFile);
let t: TestApp;
const dir = mkdtempSync(join(tmpdir(), "accord-cli-import-"));

beforeAll(async () => {
  t = await createTestApp();
  await t.seed();
  await t.signIn({ role: "national_coordinator", nation: "AZE", username: "cli.aze.coordinator" });
  await t.signIn({ role: "administrator", username: "cli.admin" });
});
afterAll(() => t.close());

async function cli(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], {
      env: {
        ...process.env,
        DATABASE_URL: t.config.databaseUrl,
        // Through PgBouncer (ACCORD_TEST_POOLER=pgbouncer) the command is configured as the documented deployment.
        ...(t.config.databasePooler === "transaction" ? { DATABASE_POOLER: "transaction" } : {}),
        LOG_LEVEL: "silent",
      },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const peopleOf = (domain: string) =>
  t.db
    .selectFrom("person")
    .select(["givenName", "email"])
    .where("email", "like", `%@${domain}`)
    .orderBy("givenName")
    .execute();

// Each command starts a Node process with tsx: seconds each on a loaded machine.
describe("accord import / accord export", { timeout: 240_000 }, () => {
  it("imports all rows or none, reports row errors on stderr with exit code 1, and --valid-only", async () => {
    const file = join(dir, "people.csv");
    writeFileSync(
      file,
      "Имя;Фамилия;Страна;Эл. почта\nIvan;Petrov;GEO;ivan@cli.example\nBad;Row;ZZZ;bad@cli.example\n",
    );
    const refused = await cli("import", "people", file);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      "nothing was imported (first: row 3, Страна: the nation code ZZZ is not known)",
    );
    expect(refused.stderr).toContain("file.rows.3.nation: the nation code ZZZ is not known");
    expect(await peopleOf("cli.example")).toEqual([]);

    const dry = await cli("import", "people", file, "--dry-run");
    expect(dry.code).toBe(1);
    expect(dry.stdout).toContain("2 row(s): 1 to create, 0 to update, 0 unchanged, 1 invalid");

    const valid = await cli("import", "people", file, "--valid-only");
    expect(valid.stdout).toContain("1 created, 0 updated, 0 unchanged, 1 skipped");
    expect(valid.code).toBe(1); // a row was left out: the exit code says so
    expect(await peopleOf("cli.example")).toEqual([{ givenName: "Ivan", email: "ivan@cli.example" }]);

    writeFileSync(file, "given name,family name,nation,email\nIvan,Petrov,GEO,ivan@cli.example\n");
    const again = await cli("import", "people", file);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("0 created, 0 updated, 1 unchanged");

    const asCoordinator = await cli("import", "people", file, "--as", "cli.aze.coordinator");
    expect(asCoordinator.code).toBe(1);
    expect(asCoordinator.stderr).toContain("you may not change this person");

    const badFile = join(dir, "people.pdf");
    writeFileSync(badFile, "%PDF-1.4");
    const bad = await cli("import", "people", badFile);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("file: must be a .csv or .xlsx file");
  });

  it("imports the new kinds too: partnership goals as a coordinator, refused outside the nation's scope", async () => {
    const file = join(dir, "goals.csv");
    writeFileSync(
      file,
      "Nation,Code,Title,Area\nAZE,CLI-GOAL-1,Ours,cyber_defence\nGEO,CLI-GOAL-2,Theirs,cyber_defence\n",
    );
    const refused = await cli("import", "goals", file, "--as", "cli.aze.coordinator");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("file.rows.3.nation");
    const valid = await cli("import", "goals", file, "--as", "cli.aze.coordinator", "--valid-only");
    expect(valid.stdout).toContain("1 created, 0 updated, 0 unchanged, 1 skipped");
    const goals = await t.db
      .selectFrom("partnershipGoal")
      .select("code")
      .where("code", "like", "CLI-GOAL-%")
      .execute();
    expect(goals).toEqual([{ code: "CLI-GOAL-1" }]);
  });

  it("exports a list with filters to a file or to standard output", async () => {
    const output = join(dir, "people.xlsx");
    const anonymous = await cli("export", "people");
    expect(anonymous.code).toBe(1);
    expect(anonymous.stderr).toContain("--as <username>");
    const written = await cli(
      "export",
      "people",
      "--as",
      "cli.admin",
      "--format",
      "xlsx",
      "--filter",
      "q=Petrov",
      "--output",
      output,
    );
    expect(written.code, written.stderr).toBe(0);
    const table = await readTable({ filename: "people.xlsx", data: readFileSync(output) });
    expect(table.rows.map((r) => r[0])).toEqual(["Given name", "Ivan"]);

    const csv = await cli("export", "activities", "--lang", "ru", "--filter", "kind=course");
    expect(csv.code, csv.stderr).toBe(0);
    expect(csv.stdout.split("\r\n")[0]).toBe(
      "\uFEFFКод,Название,Вид,Год меню,Статус,Организатор,Принимающая страна,Город,Онлайн,Языки,Области,Вместимость,Первое начало,Последнее окончание,Мероприятия,Даты мероприятий",
    );

    const bad = await cli("export", "activities", "--filter", "limit=5");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("the filters are not valid");
  });
});
