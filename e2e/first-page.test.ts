import { existsSync, readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../test/support/test-app.js";

// The first page's bytes: hashed assets compressed and cached for a year, the HTML revalidated on every visit.
describe("first page delivery", () => {
  let t: TestApp;
  beforeAll(async () => {
    if (!existsSync(new URL("../web/dist/index.html", import.meta.url))) {
      throw new Error("The web app is not built: run `npm run build:web` first");
    }
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  const get = (url: string, encoding: string) =>
    t.app.inject({ method: "GET", url, headers: { "accept-encoding": encoding } });

  it("sends index.html compressed and revalidated, and the same page for a client route", async () => {
    for (const url of ["/", "/catalogue"]) {
      const reply = await get(url, "gzip, deflate, br");
      expect(reply.statusCode, url).toBe(200);
      expect(reply.headers["content-type"], url).toMatch(/^text\/html/);
      expect(reply.headers["cache-control"], url).toBe("no-cache");
    }
  });

  it("sends every initial script as brotli or gzip, cached as immutable, and plain to a client without either", async () => {
    const html = readFileSync(new URL("../web/dist/index.html", import.meta.url), "utf8");
    const scripts = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((match) => match[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      const plain = readFileSync(new URL(`../web/dist${script}`, import.meta.url));
      const br = await get(script, "gzip, br");
      expect(br.statusCode, script).toBe(200);
      expect(br.headers["cache-control"], script).toBe("public, max-age=31536000, immutable");
      if (plain.length >= 1024) {
        expect(br.headers["content-encoding"], script).toBe("br");
        expect(br.rawPayload.length, script).toBeLessThan(plain.length);
      }
      const gz = await get(script, "gzip");
      if (plain.length >= 1024) {
        expect(gz.headers["content-encoding"], script).toBe("gzip");
        expect(gunzipSync(gz.rawPayload).equals(plain), script).toBe(true);
      }
      const identity = await get(script, "identity");
      expect(identity.headers["content-encoding"], script).toBeUndefined();
      expect(identity.rawPayload.equals(plain), script).toBe(true);
    }
  });
});
