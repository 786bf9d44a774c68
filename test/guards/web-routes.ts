import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Which state-changing API routes the web app calls, read from its source: every `api.post|put|patch|delete|upload`
 * call and the two indirect forms the app uses (a mutation hook given a path function, a file upload given a URL).
 * A path is the `/api/...` literal inside the call, with each `${...}` standing for any one segment.
 */
export interface WebCall {
  method: string;
  path: string;
  file: string;
  /** From `api[method](...)`: counted under every unsafe method, of which one is real. */
  generic?: boolean;
}

// `api[method](...)`: a hook that takes the method as an argument; it may be any unsafe one.
const DIRECT = /\bapi(?:\.(post|put|patch|delete|upload)\b|\[\w+\])/g;
// Hooks that receive the path and make the call themselves: the method is their argument or the default.
const INDIRECT: { callee: RegExp; method: (args: string) => string }[] = [
  {
    callee: /\buseMeetingMutation\b/g,
    method: (args) => (/"patch"\s*\)?\s*$/.test(args) ? "patch" : "post"),
  },
  { callee: /\bupload\.mutate\b/g, method: () => "post" },
];

/** The text of the argument list that starts at the first `(` after `from`, with nested parentheses balanced. */
export function argumentsAt(source: string, from: number): string {
  const open = source.indexOf("(", from);
  if (open < 0) return "";
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const c = source[i]!;
    if (c === '"' || c === "'" || c === "`") {
      const close = source.indexOf(c, i + 1);
      if (close < 0) return source.slice(open + 1);
      i = close;
      continue;
    }
    if (c === "(") depth++;
    else if (c === ")" && --depth === 0) return source.slice(open + 1, i);
  }
  return source.slice(open + 1);
}

export function apiPathsIn(text: string): string[] {
  const paths: string[] = [];
  for (const match of text.matchAll(/[`"'](\/api\/[^`"'?]*)/g)) {
    paths.push(match[1]!.replace(/\$\{[^}]*\}/g, "{}"));
  }
  return paths;
}

export function callsIn(source: string, file: string): WebCall[] {
  const calls: WebCall[] = [];
  for (const match of source.matchAll(DIRECT)) {
    const methods = !match[1]
      ? ["post", "put", "patch", "delete"]
      : [match[1] === "upload" ? "post" : match[1]];
    for (const path of apiPathsIn(argumentsAt(source, match.index + match[0].length)))
      for (const method of methods)
        calls.push({ method, path, file, ...(match[1] ? {} : { generic: true }) });
  }
  // The client's own function, as the import page calls it: the method is in its options (GET when absent).
  for (const match of source.matchAll(/\bapiRequest\b/g)) {
    const args = argumentsAt(source, match.index + match[0].length);
    const method = /\bmethod:\s*"(POST|PUT|PATCH|DELETE)"/.exec(args)?.[1]?.toLowerCase();
    if (method) for (const path of apiPathsIn(args)) calls.push({ method, path, file });
  }
  for (const { callee, method } of INDIRECT) {
    for (const match of source.matchAll(callee)) {
      const args = argumentsAt(source, match.index + match[0].length);
      for (const path of apiPathsIn(args)) calls.push({ method: method(args), path, file });
    }
  }
  return calls;
}

export function webCalls(root: string): WebCall[] {
  const calls: WebCall[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name))
        calls.push(...callsIn(readFileSync(full, "utf8"), full));
    }
  };
  walk(root);
  return calls;
}

/** Does the web path (segments with `{}` for anything) reach the OpenAPI path (segments with `{param}`)? */
export function reaches(webPath: string, routePath: string): boolean {
  const web = webPath.replace(/\/$/, "").split("/");
  const route = routePath.split("/");
  if (web.length !== route.length) return false;
  // A computed segment may stand for an id or for an action name (`/certificates/${id}/${action}`), so it reaches
  // any segment; a literal one reaches itself or a parameter.
  return route.every((segment, i) => {
    const part = web[i]!;
    return part.includes("{}") || /^\{[^}]+\}$/.test(segment) || segment === part;
  });
}
