import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, createTestApp, TEST_PASSWORD, type TestApp } from "../../../test/support/test-app.js";
import { loadConfig } from "../../config.js";

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ loginMaxAttempts: 3, loginLockMinutes: 15, loginUserLimit: 20 });
  await t.seed();
});
afterAll(() => t.close());

const cookieOf = (reply: { headers: Record<string, unknown> }) => {
  const header = reply.headers["set-cookie"];
  return (Array.isArray(header) ? String(header[0]) : (header as string | undefined))?.split(";")[0] ?? null;
};

async function postLogin(username: string, password: string, cookie?: string) {
  return t.app.inject({
    method: "POST",
    url: "/api/auth/login",
    headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
    payload: JSON.stringify({ username, password }),
  });
}

/** What the browser does after a password change: keeps the new session cookie; the web app the new CSRF token. */
function adoptRotatedSession(agent: Agent, reply: { headers: Record<string, unknown>; body: any }) {
  agent.cookie = cookieOf(reply);
  agent.csrfToken = reply.body.csrfToken;
}

const sessionCount = async (userId: string) =>
  Number(
    (
      await t.db
        .selectFrom("userSession")
        .select((eb) => eb.fn.countAll().as("n"))
        .where("userId", "=", userId)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe("session cookies", () => {
  it("sets an httpOnly, SameSite session cookie and sends the security headers", async () => {
    const agent = await t.signIn({ role: "participant" });
    const reply = await postLogin(
      (
        await t.db
          .selectFrom("appUser")
          .select("username")
          .where("id", "=", agent.userId!)
          .executeTakeFirstOrThrow()
      ).username,
      TEST_PASSWORD,
    );
    const setCookie = String(reply.headers["set-cookie"]);
    expect(setCookie).toMatch(/^accord_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toContain("HttpOnly");
    expect(setCookie).toContain("SameSite=Lax");
    expect(setCookie).not.toContain("Secure");
    const page = await t.anonymous.get("/api/auth/session");
    expect(page.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(page.headers["x-frame-options"]).toBe("SAMEORIGIN");
    expect(page.headers["x-content-type-options"]).toBe("nosniff");
    expect(page.headers["referrer-policy"]).toBe("no-referrer");
  });

  it("turns on Secure cookies and HSTS by default when the public URL is https", () => {
    expect(loadConfig({ ACCORD_PUBLIC_URL: "https://accord.example.org" }).secureCookies).toBe(true);
    expect(loadConfig({ ACCORD_PUBLIC_URL: "http://127.0.0.1:3000" }).secureCookies).toBe(false);
    expect(loadConfig({}).secureCookies).toBe(false);
    expect(
      loadConfig({ ACCORD_PUBLIC_URL: "https://accord.example.org", ACCORD_SECURE_COOKIES: "false" })
        .secureCookies,
    ).toBe(false);
  });

  it("served over HTTPS, names the cookie __Host-accord_session, marks it Secure and sends HSTS", async () => {
    const secure = await createTestApp({ secureCookies: true });
    try {
      const agent = await secure.signIn({ role: "participant", username: "secure.user" });
      expect(agent.cookie).toMatch(/^__Host-accord_session=/);
      const reply = await secure.app.inject({
        method: "POST",
        url: "/api/auth/login",
        headers: { "content-type": "application/json" },
        payload: JSON.stringify({ username: "secure.user", password: TEST_PASSWORD }),
      });
      const setCookie = String(reply.headers["set-cookie"]);
      expect(setCookie).toMatch(/^__Host-accord_session=[A-Za-z0-9_-]{43};/);
      expect(setCookie).toContain("Secure");
      expect(setCookie).toContain("Path=/");
      expect(setCookie).not.toContain("Domain");
      expect(reply.headers["strict-transport-security"]).toContain("max-age=");
      // The session is read from the prefixed name only: the same token under the plain name is nobody.
      const token = cookieOf(reply)!.split("=")[1];
      const asPlain = await secure.app.inject({
        method: "GET",
        url: "/api/auth/session",
        headers: { cookie: `accord_session=${token}` },
      });
      expect(JSON.parse(asPlain.body).user).toBeNull();
      const asHost = await secure.app.inject({
        method: "GET",
        url: "/api/auth/session",
        headers: { cookie: `__Host-accord_session=${token}` },
      });
      expect(JSON.parse(asHost.body).user.username).toBe("secure.user");
      const out = await secure.app.inject({
        method: "POST",
        url: "/api/auth/logout",
        headers: {
          cookie: `__Host-accord_session=${token}`,
          "x-csrf-token": JSON.parse(asHost.body).csrfToken,
        },
      });
      // Clearing a __Host- cookie must repeat Secure and Path=/, or the browser ignores it.
      expect(String(out.headers["set-cookie"])).toMatch(/^__Host-accord_session=;.*Path=\/;.*Secure/);
    } finally {
      await secure.close();
    }
  });

  it("never keeps a session id planted before sign-in (session fixation)", async () => {
    const victim = await t.signIn({ role: "participant", username: "fixation.victim" });
    // The attacker's own valid session cookie, planted in the victim's browser.
    const attacker = await t.signIn({ role: "participant", username: "fixation.attacker" });
    const planted = attacker.cookie!;
    const reply = await postLogin("fixation.victim", TEST_PASSWORD, planted);
    expect(reply.statusCode).toBe(200);
    const issued = cookieOf(reply);
    expect(issued).not.toBe(planted);
    // The planted id is dead, and the new one is the victim's.
    const withPlanted = await t.app.inject({
      method: "GET",
      url: "/api/auth/session",
      headers: { cookie: planted },
    });
    expect(JSON.parse(withPlanted.body).user).toBeNull();
    const withIssued = await t.app.inject({
      method: "GET",
      url: "/api/auth/session",
      headers: { cookie: issued! },
    });
    expect(JSON.parse(withIssued.body).user.id).toBe(victim.userId);
    // An invented cookie value is not adopted either.
    const invented = await postLogin("fixation.victim", TEST_PASSWORD, "accord_session=invented-by-attacker");
    expect(cookieOf(invented)).not.toBe("accord_session=invented-by-attacker");
  });
});

describe("CSRF", () => {
  it("refuses a write without the x-csrf-token header and writes nothing", async () => {
    const admin = await t.signIn({ role: "administrator" });
    const before = await t.db.selectFrom("nation").select("id").execute();
    const auditBefore = await t.db.selectFrom("auditEntry").select("seq").execute();
    const missing = await admin.request(
      "POST",
      "/api/nations",
      { code: "QCA", nameEn: "Q", nameAz: "Q", nameRu: "Q", nonIsoCode: true },
      { "x-csrf-token": "" },
    );
    expect(missing.status).toBe(403);
    expect(missing.body.code).toBe("CSRF_REJECTED");
    const wrong = await admin.request(
      "POST",
      "/api/nations",
      { code: "QCA", nameEn: "Q", nameAz: "Q", nameRu: "Q", nonIsoCode: true },
      { "x-csrf-token": "guessed" },
    );
    expect(wrong.status).toBe(403);
    expect(wrong.body.code).toBe("CSRF_REJECTED");
    const noHeader = await t.app.inject({
      method: "POST",
      url: "/api/auth/logout-everywhere",
      headers: { cookie: admin.cookie!, "content-type": "application/json" },
      payload: "{}",
    });
    expect(noHeader.statusCode).toBe(403);
    expect(await t.db.selectFrom("nation").select("id").execute()).toHaveLength(before.length);
    expect(await t.db.selectFrom("auditEntry").select("seq").execute()).toHaveLength(auditBefore.length);
    expect(await sessionCount(admin.userId!)).toBeGreaterThan(0);
    const right = await admin.post("/api/nations", {
      code: "QCA",
      nameEn: "Q",
      nameAz: "Q",
      nameRu: "Q",
      nonIsoCode: true,
    });
    expect(right.status).toBe(201);
  });
});

describe("sign-in back-off instead of an account lock", () => {
  // The file's app allows 3 failures per username and address (loginMaxAttempts: 3) and 20 an hour per username
  // from unknown addresses (loginUserLimit: 20).
  const loginFrom = (address: string, username: string, password: string) =>
    t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      remoteAddress: address,
      headers: { "content-type": "application/json" },
      payload: JSON.stringify({ username, password }),
    });
  const answer = (reply: Awaited<ReturnType<typeof loginFrom>>) => {
    const { requestId: _, ...body } = JSON.parse(reply.body);
    return {
      status: reply.statusCode,
      body,
      retryAfter: reply.headers["retry-after"] !== undefined,
      cookie: cookieOf(reply) !== null,
    };
  };

  it("backs off the attacker's address; the real user signs in from theirs, even as admin", async () => {
    const admin = await t.signIn({ role: "administrator", username: "backoff.admin" });
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 8; attempt++) {
      statuses.push((await loginFrom("203.0.113.7", "backoff.admin", "wrong-password-123")).statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429, 429, 429, 429]);
    // From the attacker's address even the right password waits: guesses cannot be confirmed during back-off.
    const guessed = await loginFrom("203.0.113.7", "backoff.admin", TEST_PASSWORD);
    expect(guessed.statusCode).toBe(429);
    expect(Number(guessed.headers["retry-after"])).toBeGreaterThan(0);
    expect(cookieOf(guessed)).toBeNull();
    const real = await loginFrom("198.51.100.20", "backoff.admin", TEST_PASSWORD);
    expect(real.statusCode).toBe(200);
    expect(cookieOf(real)).not.toBeNull();
    const failures = await t.db
      .selectFrom("auditEntry")
      .select("action")
      .where("recordId", "=", admin.userId)
      .where("action", "=", "auth.login_failed")
      .execute();
    expect(failures).toHaveLength(3);
    // Once the wait has passed, the attacker's address may try again.
    await t.db
      .updateTable("loginBackoff")
      .set({ lastFailedAt: sql<Date>`now() - interval '16 minutes'` })
      .where("username", "=", "backoff.admin")
      .where("address", "=", "203.0.113.7")
      .execute();
    expect((await loginFrom("203.0.113.7", "backoff.admin", "wrong-password-123")).statusCode).toBe(401);
  });

  it("bounds a guesser spread over many addresses without locking out the user's known address", async () => {
    await t.signIn({ role: "participant", username: "spread.user" });
    expect((await loginFrom("198.51.100.30", "spread.user", TEST_PASSWORD)).statusCode).toBe(200);
    for (let address = 1; address <= 20; address++) {
      const reply = await loginFrom(`192.0.2.${address}`, "spread.user", "wrong-password-123");
      expect(reply.statusCode).toBe(401);
    }
    expect((await loginFrom("192.0.2.100", "spread.user", "wrong-password-123")).statusCode).toBe(429);
    expect((await loginFrom("192.0.2.101", "spread.user", TEST_PASSWORD)).statusCode).toBe(429);
    expect((await loginFrom("198.51.100.30", "spread.user", TEST_PASSWORD)).statusCode).toBe(200);
  });

  it("answers existing and unknown usernames identically, throttled or not", async () => {
    await t.signIn({ role: "participant", username: "probe.user" });
    const sequence = async (username: string, address: string) => {
      const answers = [];
      for (let attempt = 0; attempt < 5; attempt++) {
        answers.push(answer(await loginFrom(address, username, "wrong-password-123")));
      }
      return answers;
    };
    const existing = await sequence("probe.user", "203.0.113.50");
    const unknown = await sequence("probe.nobody", "203.0.113.51");
    expect(existing.map((a) => a.status)).toEqual([401, 401, 401, 429, 429]);
    expect(unknown).toEqual(existing);
    expect(existing.slice(0, 3).map((a) => a.body.message)).toEqual(
      Array(3).fill("Wrong username or password"),
    );
    // No answer names a lock, an account or a time that differs between the two.
    expect(JSON.stringify(existing)).not.toMatch(/lock/i);
  });

  it("never locks the account itself: no 423, no locked_until", async () => {
    const user = await t.signIn({ role: "participant", username: "never.locked" });
    for (let address = 1; address <= 6; address++) {
      for (let attempt = 0; attempt < 3; attempt++) {
        const reply = await loginFrom(`203.0.113.${100 + address}`, "never.locked", "wrong-password-123");
        expect(reply.statusCode).not.toBe(423);
      }
    }
    const row = await t.db
      .selectFrom("appUser")
      .select("lockedUntil")
      .where("id", "=", user.userId!)
      .executeTakeFirstOrThrow();
    expect(row.lockedUntil).toBeNull();
    expect((await postLogin("never.locked", TEST_PASSWORD)).statusCode).toBe(200);
  });
});

describe("expiry and revocation", () => {
  const alive = async (agent: Agent) => (await agent.get("/api/auth/session")).body.user !== null;

  it("ends a session idle for longer than the idle timeout", async () => {
    const agent = await t.signIn({ role: "participant" });
    expect(await alive(agent)).toBe(true);
    await t.db
      .updateTable("userSession")
      .set({ lastSeenAt: sql<Date>`now() - make_interval(mins => ${t.config.sessionIdleMinutes + 1})` })
      .where("userId", "=", agent.userId!)
      .execute();
    expect(await alive(agent)).toBe(false);
    const write = await agent.post("/api/auth/logout-everywhere");
    expect(write.status).toBe(401);
  });

  it("ends a session past its absolute lifetime even when in use", async () => {
    const agent = await t.signIn({ role: "participant" });
    await t.db
      .updateTable("userSession")
      .set({ expiresAt: sql<Date>`now() - interval '1 second'`, lastSeenAt: sql<Date>`now()` })
      .where("userId", "=", agent.userId!)
      .execute();
    expect(await alive(agent)).toBe(false);
  });

  it("logs out everywhere: every other session of the user dies, others' sessions live", async () => {
    const first = await t.signIn({ role: "participant", username: "everywhere.user" });
    const second = await t.login("everywhere.user");
    const bystander = await t.signIn({ role: "participant" });
    expect(await sessionCount(first.userId!)).toBe(2);
    const reply = await first.post("/api/auth/logout-everywhere");
    expect(reply.status).toBe(200);
    expect(await alive(first)).toBe(false);
    expect(await alive(second)).toBe(false);
    expect(await alive(bystander)).toBe(true);
    expect(await sessionCount(first.userId!)).toBe(0);
  });

  it("ends a session on logout", async () => {
    const agent = await t.signIn({ role: "participant" });
    expect((await agent.post("/api/auth/logout")).status).toBe(200);
    expect(await alive(agent)).toBe(false);
  });
});

describe("temporary passwords", () => {
  it("allows only the password routes until a temporary password is changed", async () => {
    const agent = await t.signIn({
      role: "national_coordinator",
      nation: "AZE",
      username: "temp.user",
      mustChangePassword: true,
    });
    const session = await agent.get("/api/auth/session");
    expect(session.body.user.mustChangePassword).toBe(true);
    const blocked = await agent.get("/api/people");
    expect(blocked.status).toBe(403);
    expect(blocked.body.code).toBe("PASSWORD_CHANGE_REQUIRED");
    const weak = await agent.post("/api/auth/password", {
      currentPassword: TEST_PASSWORD,
      newPassword: "short",
    });
    expect(weak.status).toBe(400);
    expect(weak.body.fields[0].field).toBe("body.newPassword");
    const changed = await agent.post("/api/auth/password", {
      currentPassword: TEST_PASSWORD,
      newPassword: "a-new-long-passphrase-42",
    });
    expect(changed.status).toBe(200);
    adoptRotatedSession(agent, changed);
    expect((await agent.get("/api/people")).status).toBe(200);
    expect((await agent.get("/api/auth/session")).body.user.mustChangePassword).toBe(false);
  });

  it("decides from the matched route, so an encoded path cannot skip the forced password change", async () => {
    const agent = await t.signIn({ role: "administrator", mustChangePassword: true });
    const before = await t.db.selectFrom("nation").select("id").execute();
    for (const path of ["/%61pi/nations", "/api/%6eations", "/%61%70%69/nations", "/api/nations"]) {
      const read = await agent.get(path);
      expect(read.status, path).toBe(403);
      expect(read.body.code, path).toBe("PASSWORD_CHANGE_REQUIRED");
      const write = await agent.post(path, { code: "QPW", nameEn: "Q", nameAz: "Q", nameRu: "Q" });
      expect(write.status, path).toBe(403);
      expect(write.body.code, path).toBe("PASSWORD_CHANGE_REQUIRED");
    }
    expect(await t.db.selectFrom("nation").select("id").execute()).toHaveLength(before.length);
    // The routes meant for the change still answer, however they are spelt.
    expect((await agent.get("/%61pi/auth/session")).body.user.mustChangePassword).toBe(true);
  });
});

describe("rotation and revocation on password change and sign-out everywhere", () => {
  const alive = async (agent: Agent) => (await agent.get("/api/auth/session")).body.user !== null;
  const newFeed = async (agent: Agent) => {
    const created = await agent.post("/api/calendar/tokens", { scope: "search", search: { q: "CREVAL" } });
    expect(created.status).toBe(201);
    expect((await t.anonymous.get(created.body.url)).status).toBe(200);
    return created.body.url as string;
  };

  it("rotates the session id and CSRF token on password change: the old ones stop working", async () => {
    const agent = await t.signIn({ role: "administrator", username: "rotate.user" });
    const other = await t.login("rotate.user");
    const old = { cookie: agent.cookie!, csrfToken: agent.csrfToken! };
    const feed = await newFeed(agent);
    const changed = await agent.post("/api/auth/password", {
      currentPassword: TEST_PASSWORD,
      newPassword: "rotated-passphrase-2026",
    });
    expect(changed.status).toBe(200);
    const issued = cookieOf(changed)!;
    expect(issued).toMatch(/^accord_session=/);
    expect(issued).not.toBe(old.cookie);
    expect(changed.body.csrfToken).not.toBe(old.csrfToken);
    // The old session id is dead, like every other session of the user.
    expect(await alive(agent)).toBe(false);
    expect(await alive(other)).toBe(false);
    adoptRotatedSession(agent, changed);
    expect(await alive(agent)).toBe(true);
    expect((await agent.get("/api/auth/session")).body.csrfToken).toBe(changed.body.csrfToken);
    // The old CSRF token does not pass with the new session.
    const staleToken = await agent.request(
      "POST",
      "/api/nations",
      { code: "QRT", nameEn: "Q", nameAz: "Q", nameRu: "Q", nonIsoCode: true },
      { "x-csrf-token": old.csrfToken },
    );
    expect(staleToken.status).toBe(403);
    expect(staleToken.body.code).toBe("CSRF_REJECTED");
    // Calendar feed tokens are credentials too: revoked with the sessions.
    expect((await t.anonymous.get(feed)).status).toBe(404);
  });

  it("revokes calendar feed tokens on log out everywhere", async () => {
    const agent = await t.signIn({ role: "participant" });
    const feed = await newFeed(agent);
    const bystander = await newFeed(await t.signIn({ role: "participant" }));
    expect((await agent.post("/api/auth/logout-everywhere")).status).toBe(200);
    expect((await t.anonymous.get(feed)).status).toBe(404);
    expect((await t.anonymous.get(bystander)).status).toBe(200);
  });

  it("revokes calendar feed tokens when an administrator resets the password or ends the sessions", async () => {
    const admin = await t.signIn({ role: "administrator" });
    const reset = await t.signIn({ role: "participant" });
    const resetFeed = await newFeed(reset);
    const replied = await admin.post(`/api/admin/users/${reset.userId}/password`, {
      temporaryPassword: "temporary-reset-2026",
    });
    expect(replied.status).toBe(200);
    expect((await t.anonymous.get(resetFeed)).status).toBe(404);
    const ended = await t.signIn({ role: "participant" });
    const endedFeed = await newFeed(ended);
    expect((await admin.post(`/api/admin/users/${ended.userId}/revoke-sessions`)).status).toBe(200);
    expect((await t.anonymous.get(endedFeed)).status).toBe(404);
  });
});

describe("caching", () => {
  it("answers API requests and file downloads with Cache-Control: no-store", async () => {
    const admin = await t.signIn({ role: "administrator" });
    expect((await admin.get("/api/nations")).headers["cache-control"]).toBe("no-store");
    expect((await admin.get("/%61pi/nations")).headers["cache-control"]).toBe("no-store");
    expect((await t.anonymous.get("/api/auth/session")).headers["cache-control"]).toBe("no-store");
    expect((await admin.get("/api/no-such-route")).headers["cache-control"]).toBe("no-store");
    const frameworks = await admin.get(`/api/frameworks?nationId=${await t.nationId("AZE")}`);
    const framework = frameworks.body.items[0];
    const boundary = "----accordcache";
    const pdf = Buffer.from("%PDF-1.4\n% cache test\n");
    const upload = await t.app.inject({
      method: "POST",
      url: `/api/frameworks/${framework.id}/files`,
      payload: Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cache.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
        ),
        pdf,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
      headers: {
        "content-type": `multipart/form-data; boundary=${boundary}`,
        cookie: admin.cookie!,
        "x-csrf-token": admin.csrfToken!,
      },
    });
    expect(upload.statusCode).toBe(201);
    const file = JSON.parse(upload.body).files.find((f: { filename: string }) => f.filename === "cache.pdf");
    const download = await admin.get(`/api/frameworks/${framework.id}/files/${file.id}`);
    expect(download.status).toBe(200);
    expect(download.headers["cache-control"]).toBe("no-store");
    // A public calendar feed (the token is its credential) keeps the caching it chose.
    const token = await admin.post("/api/calendar/tokens", { scope: "search", search: { q: "CREVAL" } });
    expect((await t.anonymous.get(token.body.url)).headers["cache-control"]).toBe("private, max-age=300");
    // Outside the API nothing is forced (health checks, the web app's assets).
    expect((await t.anonymous.get("/healthz")).headers["cache-control"]).toBeUndefined();
  });
});
