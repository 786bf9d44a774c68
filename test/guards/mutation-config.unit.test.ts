import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * The mutation set (stryker.config.mjs) names the rule-bearing functions; each entry must still land on the function
 * it names, from its declaration to its closing line, when code above it moves (docs/testing.md, issue 26).
 */
const root = fileURLToPath(new URL("../../", import.meta.url));
// A path in a variable: the config is plain JavaScript, read as the mutation run reads it.
const configPath = `${root}stryker.config.mjs`;
const { default: config } = (await import(configPath)) as { default: { mutate: string[] } };

describe("the mutation set", () => {
  it("names each function of the set by a range that starts at its declaration and ends at its closing line", () => {
    const source = readFileSync(configPath, "utf8");
    const named = [...source.matchAll(/functionRange\("([^"]+)", "([^"]+)"\)/g)].map((m) => [m[1]!, m[2]!]);
    expect(named.length).toBeGreaterThanOrEqual(20);
    expect(config.mutate).toHaveLength(named.length);
    const misplaced = config.mutate.flatMap((entry, i) => {
      const [file, name] = named[i]!;
      const [path, range] = entry.split(":");
      const [first, last] = range!.split("-").map(Number);
      const lines = readFileSync(`${root}${path}`, "utf8").split("\n");
      const opens = new RegExp(`\\b(function|const) ${name}\\b`).test(lines[first! - 1]!);
      const closes = /^(\}|\s*\);?)$/.test(lines[last! - 1]!);
      return path === file && opens && closes && last! > first! ? [] : [`${entry} (${name})`];
    });
    expect(misplaced).toEqual([]);
  });
});
