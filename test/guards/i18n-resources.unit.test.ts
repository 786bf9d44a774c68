import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const web = fileURLToPath(new URL("../../web/src/", import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.includes(".test.") ? [path] : [];
  });
}

/** Translation namespaces live in files named `i18n.ts` or `*-i18n.ts`, and the shared `common.ts`. */
const isNamespaceFile = (file: string) =>
  /(^|[/-])i18n\.ts$/.test(relative(web, file)) && relative(web, file) !== "shared/i18n/i18n.ts";

describe("translation namespaces", () => {
  it("are all declared through defineResources, so a key missing in any language fails the type check", () => {
    const namespaces = [...sourceFiles(web).filter(isNamespaceFile), join(web, "shared/i18n/common.ts")];
    expect(namespaces.length).toBeGreaterThanOrEqual(19);
    const undeclared = namespaces
      .filter((file) => !readFileSync(file, "utf8").includes("defineResources({"))
      .map((file) => relative(web, file));
    expect(undeclared, "wrap the namespace in defineResources (web/src/shared/i18n/languages.ts)").toEqual(
      [],
    );
  });
});
