import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");
const modulesDir = join(root, "src", "modules");

function productFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return productFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [path] : [];
  });
}

/** Every module another module's product code imports (static, dynamic or type-only: each is a dependency). */
function moduleGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of productFiles(modulesDir)) {
    const [from] = relative(modulesDir, file).split("/");
    if (!from || from.endsWith(".ts")) continue;
    const edges = graph.get(from) ?? new Set<string>();
    graph.set(from, edges);
    const source = readFileSync(file, "utf8");
    for (const match of source.matchAll(/(?:from|import\()\s*"((?:\.\.\/)+)(?:modules\/)?([\w-]+)\//g)) {
      const target = match[2]!;
      if (target !== from && readdirSync(modulesDir).includes(target)) edges.add(target);
    }
  }
  return graph;
}

/** Each cycle once, as "a → b → … → a", starting from its smallest name. */
function cyclesOf(graph: Map<string, Set<string>>): string[] {
  const found = new Set<string>();
  const walk = (path: string[]) => {
    for (const next of graph.get(path.at(-1)!) ?? []) {
      const at = path.indexOf(next);
      if (at >= 0) {
        const cycle = path.slice(at);
        const start = cycle.indexOf([...cycle].sort()[0]!);
        const turned = [...cycle.slice(start), ...cycle.slice(0, start)];
        found.add([...turned, turned[0]].join(" → "));
      } else walk([...path, next]);
    }
  };
  for (const name of graph.keys()) walk([name]);
  return [...found].sort();
}

describe("module graph", () => {
  it("finds the cycles of a graph (so that an empty answer below means something)", () => {
    const graph = new Map([
      ["a", new Set(["b"])],
      ["b", new Set(["c", "d"])],
      ["c", new Set(["a"])],
      ["d", new Set<string>()],
    ]);
    expect(cyclesOf(graph)).toEqual(["a → b → c → a"]);
    expect(cyclesOf(new Map([["a", new Set(["b"])]]))).toEqual([]);
  });

  it("has no import cycle between modules: a module that tells people of a change imports `notices`, not `notifications`", () => {
    const graph = moduleGraph();
    expect(graph.size).toBeGreaterThan(10);
    expect(graph.get("catalogue")).toContain("notices");
    expect(cyclesOf(graph), "invert the dependency (ARCHITECTURE.md, 'Modules')").toEqual([]);
  });
});
