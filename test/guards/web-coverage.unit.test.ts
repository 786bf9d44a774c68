// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the fixtures are web source text, with its `${...}` parts
import { readFileSync } from "node:fs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { createKysely, createPool } from "../../src/db/database.js";
import { apiPathsIn, argumentsAt, callsIn, reaches, type WebCall, webCalls } from "./web-routes.js";

const root = new URL("../../", import.meta.url);
const architecture = readFileSync(new URL("ARCHITECTURE.md", root), "utf8");

/** The `METHOD /path` entries between two HTML comment markers of ARCHITECTURE.md. */
function listed(marker: string): string[] {
  const start = architecture.indexOf(`<!-- ${marker}:start -->`);
  const end = architecture.indexOf(`<!-- ${marker}:end -->`);
  expect(start, `marker ${marker} in ARCHITECTURE.md`).toBeGreaterThan(0);
  return [...architecture.slice(start, end).matchAll(/`((?:POST|PUT|PATCH|DELETE) \/api\/[^`]+)`/g)].map(
    (match) => match[1]!,
  );
}

let app: FastifyInstance;
let writes: string[];
let calls: WebCall[];

beforeAll(async () => {
  // The route table only: the pool is never used, so no database is needed.
  const url = "postgres://nobody@127.0.0.1:1/none";
  const db = createKysely(createPool(url, 1));
  app = await buildApp({
    config: loadConfig({}, { databaseUrl: url, logLevel: "silent" }),
    db,
    logger: false,
  });
  await app.ready();
  const document = app.swagger() as { paths: Record<string, Record<string, unknown>> };
  writes = Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.keys(operations)
      .filter((method) => ["post", "put", "patch", "delete"].includes(method))
      .map((method) => `${method.toUpperCase()} ${path}`),
  );
  calls = webCalls(new URL("web/src", root).pathname);
});
afterAll(async () => {
  await app?.close();
});

const calledFromWeb = (route: string) => {
  const [method, path] = route.split(" ") as [string, string];
  return calls.some((call) => call.method === method.toLowerCase() && reaches(call.path, path));
};

describe("write routes and the web app", () => {
  it("reads the route table and the web app's calls", () => {
    expect(writes.length).toBeGreaterThan(100);
    expect(calls.length).toBeGreaterThan(50);
  });

  it("calls every state-changing route from a page, or lists it in ARCHITECTURE.md with its reason", () => {
    const accounted = new Set([...listed("api-only"), ...listed("web-pending")]);
    expect(writes.filter((route) => !calledFromWeb(route) && !accounted.has(route))).toEqual([]);
  });

  it("lists no route that a page calls, and none that does not exist", () => {
    const entries = [...listed("api-only"), ...listed("web-pending")];
    expect(entries.filter(calledFromWeb)).toEqual([]);
    expect(entries.filter((route) => !writes.includes(route))).toEqual([]);
  });

  it("finds no web call to a route that does not exist", () => {
    const exists = (call: WebCall) =>
      writes.some((route) => {
        const [method, path] = route.split(" ") as [string, string];
        return method === call.method.toUpperCase() && reaches(call.path, path);
      });
    const dangling = calls.filter(
      (call) =>
        !exists(call) &&
        !(
          call.generic &&
          calls.some((o) => o.generic && o.file === call.file && o.path === call.path && exists(o))
        ),
    );
    expect(dangling).toEqual([]);
  });
});

describe("the web call scanner", () => {
  it("reads the path of direct calls, upload calls, method-generic hooks and path-taking hooks", () => {
    const source = [
      "api.post<{ a: number }>(`/api/events/${id}/nominations`, { personId });",
      'api.delete(id ? `/api/x/${id}` : "/api/y");',
      "api.upload<unknown>(`/api/meetings/${m}/files`, file);",
      "api[method]<RunDetail>(`/api/training/runs/${eventId}/${path}`, body);",
      'useMeetingMutation<string>((id) => `/api/meetings/${id}`, "patch");',
      "upload.mutate({ url: `/api/exchange/messages/${id}/attachments`, file });",
      'api.get("/api/ignored");',
      'apiRequest<T>(`/api/imports/people/${step}`, { method: "POST", form, query });',
      'apiRequest<T>("/api/also-ignored", { query });',
    ].join("\n");
    const found = callsIn(source, "f.ts").map(
      (call) => `${call.method} ${call.path}${call.generic ? " *" : ""}`,
    );
    expect(found).toEqual([
      "post /api/events/{}/nominations",
      "delete /api/x/{}",
      "delete /api/y",
      "post /api/meetings/{}/files",
      "post /api/training/runs/{}/{} *",
      "put /api/training/runs/{}/{} *",
      "patch /api/training/runs/{}/{} *",
      "delete /api/training/runs/{}/{} *",
      "post /api/imports/people/{}",
      "patch /api/meetings/{}",
      "post /api/exchange/messages/{}/attachments",
    ]);
  });

  it("balances parentheses and skips strings when it reads an argument list", () => {
    expect(argumentsAt('f(a(b), ")", `(`) + 1', 0)).toBe('a(b), ")", `(`');
    expect(apiPathsIn('x("/api/a?b=1", `/api/c/${d(e)}`)')).toEqual(["/api/a", "/api/c/{}"]);
  });

  it("matches a computed segment to any segment and a literal one to itself or a parameter", () => {
    expect(reaches("/api/events/{}/cancel", "/api/events/{id}/cancel")).toBe(true);
    expect(reaches("/api/events/{}/{}", "/api/events/{id}/cancel")).toBe(true);
    expect(reaches("/api/people/me", "/api/people/{id}")).toBe(true);
    expect(reaches("/api/events/{}/cancel", "/api/events/{id}/sessions")).toBe(false);
    expect(reaches("/api/events/{}", "/api/events/{id}/cancel")).toBe(false);
  });
});
