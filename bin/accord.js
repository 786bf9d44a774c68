#!/usr/bin/env node
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const built = fileURLToPath(new URL("../dist/cli/main.js", import.meta.url));
if (!existsSync(built)) {
  console.error("accord: the server is not built yet. Run `npm run build` first.");
  process.exit(1);
}
await import(built);
