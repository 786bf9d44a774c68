import { readFileSync } from "node:fs";
import { createConfig, lintFromString } from "@redocly/openapi-core";
import { beforeAll, describe, expect, it } from "vitest";
import { apiDocument } from "../../scripts/api-document.js";
import { documentHash, GENERATED_TYPES } from "../../scripts/generate-api-types.js";
import { GENERATED_VALUE_LISTS, renderValueLists } from "../../scripts/web-value-lists.js";

/**
 * Findings of Redocly's recommended rules that are true of the API by design, each with its reason. Anything
 * else the linter reports fails the test.
 */
const ACCEPTED: Record<string, string> = {
  "operation-4xx-response #/paths/~1healthz/get/responses": "liveness probe: 200 or no answer",
  "operation-4xx-response #/paths/~1readyz/get/responses": "readiness probe: 200 or 503",
  "operation-4xx-response #/paths/~1api~1auth~1session/get/responses":
    "answers every caller, signed in or not, with 200",
  "operation-4xx-response #/paths/~1api~1areas/get/responses": "a fixed public list without parameters",
  "operation-2xx-response #/paths/~1api~1auth~1oidc~1login/get/responses":
    "single sign-on start: a 302 to the identity provider",
  "operation-2xx-response #/paths/~1api~1auth~1oidc~1callback/get/responses":
    "single sign-on return: a 302 into the app",
  "no-ambiguous-paths #/paths/~1api~1admin~1mail~1caught~1{id}":
    "the router matches the static segment first: /caught/{id} and /{id}/retry never meet",
};

let document: Record<string, unknown>;
beforeAll(async () => {
  document = await apiDocument();
}, 120_000);

describe("the API document", () => {
  it("passes Redocly's recommended rules, but for the findings accepted above", async () => {
    const config = await createConfig({ extends: ["recommended"] });
    const problems = await lintFromString({
      source: JSON.stringify(document),
      absoluteRef: "openapi.json",
      config,
    });
    const findings = problems.map((p) => `${p.ruleId} ${p.location[0]?.pointer ?? ""}`);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.filter((finding) => !(finding in ACCEPTED))).toEqual([]);
    expect(Object.keys(ACCEPTED).filter((accepted) => !findings.includes(accepted))).toEqual([]);
  }, 120_000);

  it("names every operation and requires the CSRF header on state-changing ones", () => {
    const paths = document.paths as Record<
      string,
      Record<string, { operationId?: string; security?: unknown }>
    >;
    const operations = Object.values(paths).flatMap((byMethod) => Object.entries(byMethod));
    expect(operations.length).toBeGreaterThan(200);
    const ids = operations.map(([, operation]) => operation.operationId);
    expect(new Set(ids).size).toBe(operations.length);
    expect(paths["/api/events/{id}/cancel"]?.post?.operationId).toBe("postEventsByIdCancel");
    expect(paths["/api/events/{id}/cancel"]?.post?.security).toEqual([{ session: [], csrf: [] }, {}]);
    // Signing in is exempt from the CSRF check (there is no session yet): the root requirement applies.
    expect(paths["/api/auth/login"]?.post?.security).toBeUndefined();
    expect(paths["/api/events/{id}"]?.get?.security).toBeUndefined();
  });

  it("matches the web's generated types (run `npm run generate:api` when this fails)", () => {
    const generated = readFileSync(GENERATED_TYPES, "utf8");
    expect(generated.split("\n")[1]).toBe(`// document sha256: ${documentHash(document)}`);
  });

  it("matches the web's generated value lists (run `npm run generate:api` when this fails)", () => {
    expect(readFileSync(GENERATED_VALUE_LISTS, "utf8")).toBe(renderValueLists());
  });
});
