import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { workbook } from "../../../test/support/import-upload.js";
import { type Agent, createTestApp, type TestApp } from "../../../test/support/test-app.js";

let t: TestApp;
let admin: Agent;
let base: string;

beforeAll(async () => {
  t = await createTestApp();
  await t.seed();
  admin = await t.signIn({ role: "administrator" });
  await t.app.listen({ port: 0, host: "127.0.0.1" });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
afterAll(() => t.close());

interface Line {
  type: "progress" | "result" | "error";
  phase?: "check" | "write";
  done?: number;
  total?: number;
  status?: number;
  result?: { created: number; updated: number; unchanged: number };
  error?: { code: string; fields?: { field: string; message: string }[] };
}

/** Posts the file to the commit route asking for the stream; returns each JSON line in the order it arrived. */
async function streamedCommit(filename: string, file: Buffer, mode = "all") {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(file)]), filename);
  const response = await fetch(`${base}/api/imports/people/commit?mode=${mode}`, {
    method: "POST",
    headers: { cookie: admin.cookie!, "x-csrf-token": admin.csrfToken!, accept: "application/x-ndjson" },
    body: form,
  });
  const lines: Line[] = [];
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let pending = "";
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    pending += chunk.value;
    const complete = pending.split("\n");
    pending = complete.pop()!;
    lines.push(...complete.map((line) => JSON.parse(line) as Line));
  }
  return { status: response.status, type: response.headers.get("content-type"), lines };
}

const people = (domain: string, count: number, bad?: number) =>
  workbook([
    ["Given name", "Family name", "Nation", "Email"],
    ...Array.from({ length: count }, (_, i) => [
      `Person${i}`,
      "Streamed",
      i === bad ? "XXX" : "AZE",
      `p${i}@${domain}.example`,
    ]),
  ]);

describe("a commit streamed as JSON lines", () => {
  it("reports the rows checked and then written, rising to the total, and ends with the result", async () => {
    const domain = `stream${Date.now().toString(36)}`;
    const { status, type, lines } = await streamedCommit("people.xlsx", await people(domain, 2500));
    expect(status).toBe(200);
    expect(type).toContain("application/x-ndjson");
    const progress = lines.filter((line) => line.type === "progress");
    const phases = progress.map((line) => line.phase);
    expect(phases.indexOf("write")).toBeGreaterThan(phases.lastIndexOf("check"));
    const checked = progress.filter((line) => line.phase === "check").map((line) => line.done);
    const written = progress.filter((line) => line.phase === "write").map((line) => line.done);
    expect(checked).toEqual([...checked].sort((a, b) => a! - b!));
    expect(written).toEqual([...written].sort((a, b) => a! - b!));
    expect(checked[0]).toBe(0);
    expect(checked.at(-1)).toBe(2500);
    expect(written.at(-1)).toBe(2500);
    expect(progress.every((line) => line.total === 2500)).toBe(true);
    expect(lines.at(-1)).toEqual({
      type: "result",
      result: expect.objectContaining({ created: 2500, updated: 0, unchanged: 0 }),
    });
    const stored = await t.db
      .selectFrom("person")
      .select((eb) => eb.fn.countAll().as("n"))
      .where("email", "like", `%@${domain}.example`)
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(2500);
  });

  it("ends with the error and its row when a row is bad, and writes nothing", async () => {
    const domain = `streambad${Date.now().toString(36)}`;
    const { status, lines } = await streamedCommit("people.xlsx", await people(domain, 30, 7));
    expect(status).toBe(200);
    expect(lines.at(-1)).toEqual({
      type: "error",
      status: 422,
      error: expect.objectContaining({
        code: "UNPROCESSABLE",
        fields: [{ field: "file.rows.9.nation", message: "the nation code XXX is not known" }],
      }),
    });
    expect(lines.some((line) => line.phase === "write")).toBe(false);
    const stored = await t.db
      .selectFrom("person")
      .select((eb) => eb.fn.countAll().as("n"))
      .where("email", "like", `%@${domain}.example`)
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(0);
  });
});
