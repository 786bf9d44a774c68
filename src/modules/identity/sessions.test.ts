import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, createTestApp, TEST_PASSWORD, type TestApp } from "../../../test/support/test-app.js";

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ loginMaxAttempts: 3, loginLockMinutes: 15 });
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

  it("marks the cookie Secure when Accord is served over HTTPS", async () => {
    const secure = await createTestApp({ secureCookies: true });
    try {
      const agent = await secure.signIn({ role: "participant", username: "secure.user" });
      expect(agent.cookie).toBeTruthy();
      const reply = await secure.app.inject({
        method: "POST",
        url: "/api/auth/login",
        headers: { "content-type": "application/json" },
        payload: JSON.stringify({ username: "secure.user", password: TEST_PASSWORD }),
      });
      expect(String(reply.headers["set-cookie"])).toContain("Secure");
      expect(reply.headers["strict-transport-security"]).toContain("max-age=");
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
      { code: "QCA", nameEn: "Q", nameAz: "Q", nameRu: "Q" },
      { "x-csrf-token": "" },
    );
    expect(missing.status).toBe(403);
    expect(missing.body.code).toBe("CSRF_REJECTED");
    const wrong = await admin.request(
      "POST",
      "/api/nations",
      { code: "QCA", nameEn: "Q", nameAz: "Q", nameRu: "Q" },
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
    const right = await admin.post("/api/nations", { code: "QCA", nameEn: "Q", nameAz: "Q", nameRu: "Q" });
    expect(right.status).toBe(201);
  });
});

describe("lockout", () => {
  it("locks the account after repeated failures, refusing even the right password until the lock expires", async () => {
    const agent = await t.signIn({ role: "participant", username: "lockout.user" });
    for (let attempt = 1; attempt <= 2; attempt++) {
      const reply = await postLogin("lockout.user", "wrong-password-123");
      expect(reply.statusCode).toBe(401);
      expect(JSON.parse(reply.body).message).toBe("Wrong username or password");
    }
    expect((await postLogin("lockout.user", "wrong-password-123")).statusCode).toBe(401);
    const locked = await postLogin("lockout.user", TEST_PASSWORD);
    expect(locked.statusCode).toBe(423);
    const body = JSON.parse(locked.body);
    expect(body.code).toBe("LOCKED");
    expect(body.message).toMatch(/locked until \d{4}-\d{2}-\d{2}T/);
    expect(cookieOf(locked)).toBeNull();
    const audit = await t.db
      .selectFrom("auditEntry")
      .select("action")
      .where("recordId", "=", agent.userId)
      .execute();
    expect(audit.map((a) => a.action)).toContain("auth.locked");
    // Once the lock has expired the right password works again.
    await t.db
      .updateTable("appUser")
      .set({ lockedUntil: sql<Date>`now() - interval '1 second'` })
      .where("id", "=", agent.userId!)
      .execute();
    expect((await postLogin("lockout.user", TEST_PASSWORD)).statusCode).toBe(200);
  });

  it("gives the same answer for an unknown username as for a wrong password", async () => {
    const reply = await postLogin("nobody.here", "wrong-password-123");
    expect(reply.statusCode).toBe(401);
    expect(JSON.parse(reply.body).message).toBe("Wrong username or password");
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
