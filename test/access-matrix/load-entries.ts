import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { AccessEntry } from "./matrix.js";

const entriesDir = new URL("./entries/", import.meta.url);

/** Every entry of every `entries/*.access.ts` file, with the file it came from (for the test's messages). */
export async function loadAccessEntries(): Promise<{ source: string; entry: AccessEntry }[]> {
  const found: { source: string; entry: AccessEntry }[] = [];
  const files = readdirSync(fileURLToPath(entriesDir)).filter((file) => file.endsWith(".access.ts"));
  for (const file of files.sort()) {
    const loaded = (await import(new URL(file, entriesDir).href)) as { accessEntries?: AccessEntry[] };
    for (const entry of loaded.accessEntries ?? [])
      found.push({ source: `test/access-matrix/entries/${file}`, entry });
  }
  return found;
}
