#!/usr/bin/env node
// Runs the built CLI (dist/, from `npm run build`); straight after `npm ci` it runs the TypeScript source through tsx.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

if (Number(process.versions.node.split(".")[0]) < 22) {
  console.error(
    `Accord needs Node.js 22 or newer (24 LTS recommended); this is ${process.version}. ` +
      "`bash scripts/with-node.sh node bin/accord.js ...` installs Node.js 24 into .tools/node and runs it.",
  );
  process.exit(1);
}

const built = fileURLToPath(new URL("../dist/cli/main.js", import.meta.url));
if (existsSync(built)) {
  await import(built);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import(new URL("../src/cli/main.ts", import.meta.url).href);
}
