import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { buildApp } from "../../src/app.js";
import { createKysely, createPool, type Db } from "../../src/db/database.js";
import { skipBecause } from "../support/skip.js";
import { createTestApp, TEST_PASSWORD, type TestApp } from "../support/test-app.js";
import { databaseUrl } from "./support.js";

// Two Accord instances (two pools, two listening apps) on one PostgreSQL server, as behind a reverse proxy.
const serverOnly = inject("pgKind") !== "server";

let t: TestApp;
const instances: { app: FastifyInstance; db: Db; url: string }[] = [];

async function call(base: string, method: string, url: string, body?: unknown, cookie = "", csrf = "") {
  const response = await fetch(`${base}${url}`, {
    method,
    headers: {
      ...(cookie ? { cookie } : {}),
      ...(csrf && method !== "GET" ? { "x-csrf-token": csrf } : {}),
      ...(body !== undefined ? { "content-type": "application/json" } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}

beforeAll(async () => {
  if (serverOnly) return;
  t = await createTestApp();
  await t.seed();
  for (let i = 0; i < 2; i++) {
    const db = createKysely(createPool(databaseUrl(t.databaseName), 10));
    const app = await buildApp({ config: t.config, db, logger: false });
    await app.listen({ host: "127.0.0.1", port: 0 });
    const address = app.server.address();
    instances.push({
      app,
      db,
      url: `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`,
    });
  }
});
afterAll(async () => {
  for (const { app, db } of instances) {
    await app.close();
    await db.destroy();
  }
  await t?.close();
});

describe("two instances on one PostgreSQL server (server only)", () => {
  beforeEach((context) => {
    if (serverOnly)
      skipBecause(
        context,
        "needs a PostgreSQL server: this run uses the embedded one (run with ACCORD_TEST_PG=server, see README)",
      );
  });
  it("honours on one instance a session created on the other, and ends it on both", async () => {
    const [a, b] = instances as [(typeof instances)[0], (typeof instances)[0]];
    const user = await t.signIn({ role: "administrator" });
    const username = (
      await t.db
        .selectFrom("appUser")
        .select("username")
        .where("id", "=", user.userId!)
        .executeTakeFirstOrThrow()
    ).username;
    const login = await call(a.url, "POST", "/api/auth/login", { username, password: TEST_PASSWORD });
    expect(login.status).toBe(200);
    const cookie = login.headers.getSetCookie()[0]!.split(";")[0]!;
    const csrf = login.body.csrfToken as string;

    const onB = await call(b.url, "GET", "/api/auth/session", undefined, cookie);
    expect(onB.status).toBe(200);
    expect(onB.body.user.username).toBe(username);
    // A write through B with the CSRF token issued by A.
    const created = await call(
      b.url,
      "POST",
      "/api/nations",
      { code: "QTW", nameEn: "Two", nameAz: "Two", nameRu: "Two", nonIsoCode: true },
      cookie,
      csrf,
    );
    expect(created.status).toBe(201);
    expect((await call(a.url, "GET", `/api/nations/${created.body.id}`)).body.code).toBe("QTW");

    expect((await call(b.url, "POST", "/api/auth/logout", {}, cookie, csrf)).status).toBeLessThan(300);
    expect((await call(a.url, "GET", "/api/auth/session", undefined, cookie)).body?.user ?? null).toBeNull();
    expect(
      (
        await call(
          a.url,
          "POST",
          "/api/nations",
          { code: "QTX", nameEn: "X", nameAz: "X", nameRu: "X", nonIsoCode: true },
          cookie,
          csrf,
        )
      ).status,
    ).toBe(401);
  });

  it("counts sign-in attempts across both instances against one limit", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const base = instances[i % 2]!.url;
      statuses.push(
        (
          await call(base, "POST", "/api/auth/login", {
            username: "nobody-shared-limit",
            password: "wrong-password-1",
          })
        ).status,
      );
    }
    // The back-off per username and address starts after loginMaxAttempts failures counted on both
    // instances together, and then both refuse.
    const free = t.config.loginMaxAttempts;
    expect(free).toBeLessThan(12);
    expect(statuses.slice(0, free)).toEqual(Array(free).fill(401));
    expect(statuses.slice(free)).toEqual(Array(12 - free).fill(429));
  });

  it("keeps a uniqueness rule when both instances race to create the same record", async () => {
    const admin = await t.signIn({ role: "administrator" });
    const attempts = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        call(
          instances[i % 2]!.url,
          "POST",
          "/api/nations",
          { code: "QRC", nameEn: `Race ${i}`, nameAz: "R", nameRu: "R", nonIsoCode: true },
          admin.cookie!,
          admin.csrfToken!,
        ),
      ),
    );
    const statuses = attempts.map((attempt) => attempt.status).sort();
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(9);
    const rows = await t.db.selectFrom("nation").select("id").where("code", "=", "QRC").execute();
    expect(rows).toHaveLength(1);
  });

  it("keeps serving on one instance while the other stops, with every acknowledged write kept", async () => {
    const admin = await t.signIn({ role: "administrator" });
    const nationId = await t.nationId("AZE");
    const acknowledged: string[] = [];
    const victim = instances[0]!;
    const writes = Array.from({ length: 20 }, async (_, i) => {
      const base = instances[i % 2]!.url;
      try {
        const reply = await call(
          base,
          "POST",
          "/api/people",
          { givenName: `Pair ${i}`, familyName: "Survivor", nationId },
          admin.cookie!,
          admin.csrfToken!,
        );
        if (reply.status === 201) acknowledged.push(reply.body.id);
      } catch {
        // the stopping instance refused the connection: not acknowledged
      }
    });
    const closing = victim.app.close();
    await Promise.all(writes);
    await closing;
    const survivor = instances[1]!;
    for (let i = 0; i < 5; i++) {
      const reply = await call(
        survivor.url,
        "POST",
        "/api/people",
        { givenName: `After ${i}`, familyName: "Survivor", nationId },
        admin.cookie!,
        admin.csrfToken!,
      );
      expect(reply.status).toBe(201);
      acknowledged.push(reply.body.id);
    }
    const present = await t.db.selectFrom("person").select("id").where("id", "in", acknowledged).execute();
    expect(present).toHaveLength(acknowledged.length);
  });
});
