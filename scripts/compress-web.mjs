// Writes brotli and gzip twins of the built web app's text files (web/dist), so the server sends the first page
// compressed without compressing it again on every request (@fastify/static `preCompressed`).
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const root = path.resolve("web/dist");
const compressible = /\.(js|mjs|css|html|svg|json|txt|ico|webmanifest)$/;

const walk = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });

let raw = 0;
let brotli = 0;
let written = 0;
for (const file of walk(root)) {
  if (!compressible.test(file)) continue;
  const content = readFileSync(file);
  // Tiny files are not worth a second round trip through the encoder; the server sends them as they are.
  if (content.length < 1024) continue;
  const br = brotliCompressSync(content, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length },
  });
  const gz = gzipSync(content, { level: 9 });
  raw += content.length;
  brotli += br.length;
  writeFileSync(`${file}.br`, br);
  writeFileSync(`${file}.gz`, gz);
  written++;
}
console.log(
  `compressed ${written} web file(s): ${(raw / 1024).toFixed(0)} kB -> ${(brotli / 1024).toFixed(0)} kB brotli`,
);
