import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { scanRepository, scanTestSource, testFiles } from "./test-patterns.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const rules = (source: string) => scanTestSource("example.test.ts", source).map((finding) => finding.rule);

describe("the guard against tests that cannot fail", () => {
  it("finds none of the patterns in the repository's tests", () => {
    const files = testFiles(root);
    expect(files.length).toBeGreaterThan(20);
    const findings = scanRepository(root).map((f) => `${f.file}:${f.line} ${f.rule}: ${f.text}`);
    expect(
      findings,
      "Tests that can pass without checking anything (see docs/testing.md, 'Tests that cannot fail')",
    ).toEqual([]);
  }, 60_000);

  it("flags objectContaining(new Set(...)), which passes for any set", () => {
    expect(rules(`it("x", () => { expect(s).toEqual(expect.objectContaining(new Set(["a"]))); });`)).toEqual([
      "object-containing-set",
    ]);
  });

  it("flags a return in a test's own body, not in a function inside it", () => {
    expect(rules(`it("x", async () => { if (!ready) return; expect(1).toBe(1); });`)).toEqual([
      "early-return",
    ]);
    expect(rules(`it.each([1])("x %s", async (n) => { if (n) return; expect(n).toBe(1); });`)).toEqual([
      "early-return",
    ]);
    expect(rules(`it("x", () => { const f = () => { return 1; }; expect(f()).toBe(1); });`)).toEqual([]);
    expect(rules(`it("x", () => expect(1).toBe(1));`)).toEqual([]);
  });

  it("flags an asserting loop over a collection whose size the test never asserts", () => {
    const loop = "for (const item of reply.body.items) expect(item.kind).toBe('course');";
    expect(rules(`it("x", async () => { const reply = await get(); ${loop} });`)).toEqual(["unchecked-loop"]);
    expect(
      rules(
        `it("x", async () => { const reply = await get(); expect(reply.body.total).toBeGreaterThan(0); ${loop} });`,
      ),
    ).toEqual([]);
    expect(
      rules(
        `it("x", async () => { const reply = await get(); expect(reply.body.items).toHaveLength(3); ${loop} });`,
      ),
    ).toEqual([]);
    expect(rules(`it("x", () => { for (const n of [1, 2]) expect(n).toBeGreaterThan(0); });`)).toEqual([]);
    expect(rules(`it("x", () => { for (const n of CODES) expect(n).toBeTruthy(); });`)).toEqual([]);
    expect(
      rules(
        `it("x", () => {\n  // loop runs: the count is asserted below\n  for (const n of list()) expect(n).toBeTruthy();\n});`,
      ),
    ).toEqual([]);
    // A loop that asserts nothing is setup, not a check.
    expect(rules(`it("x", async () => { for (const id of ids) await post(id); });`)).toEqual([]);
  });
});
