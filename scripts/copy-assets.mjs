// Copies every non-TypeScript file under src/ (SQL migrations, fonts, licences) next to the compiled JavaScript.
import { cpSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const walk = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });

let copied = 0;
for (const file of walk("src")) {
  if (file.endsWith(".ts")) continue;
  cpSync(file, path.join("dist", path.relative("src", file)));
  copied++;
}
console.log(`copied ${copied} asset file(s) into dist/`);
