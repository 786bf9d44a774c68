import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/test-app.js";

const REDIRECT_URI = "http://accord.test/api/auth/oidc/callback";
let server: Server;
let issuer: string;
let t: TestApp;

/** A real OpenID provider on a local port, with its development login form: any login name is an account. */
beforeAll(async () => {
  server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: "accord",
        client_secret: "accord-test-secret",
        redirect_uris: [REDIRECT_URI],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"] },
    findAccount: async (_ctx, id) => ({
      accountId: id,
      claims: async () => ({ sub: id, email: `${id}@example.org`, email_verified: true }),
    }),
    pkce: { required: () => true },
    cookies: { keys: ["oidc-test-cookie-key"] },
  });
  server.on("request", provider.callback());
  t = await createTestApp({
    oidc: {
      issuer,
      clientId: "accord",
      clientSecret: "accord-test-secret",
      redirectUri: REDIRECT_URI,
      usernameClaim: "email",
    },
  });
  await t.seed();
});
afterAll(async () => {
  await t?.close();
  await new Promise((resolve) => server.close(resolve));
});

/** Plays the browser at the provider: follows redirects, keeps cookies, submits the login and consent forms. */
async function signInAtProvider(authorizationUrl: string, login: string): Promise<URL> {
  const jar = new Map<string, string>();
  const cookieHeader = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  const remember = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const [name, ...value] = pair!.split("=");
      jar.set(name!.trim(), value.join("="));
    }
  };
  let url = new URL(authorizationUrl);
  let method = "GET";
  let body: string | undefined;
  const prompts = ["login", "consent"];
  for (let hop = 0; hop < 15; hop++) {
    const response = await fetch(url, {
      method,
      redirect: "manual",
      headers: {
        cookie: cookieHeader(),
        ...(body ? { "content-type": "application/x-www-form-urlencoded" } : {}),
      },
      body,
    });
    remember(response);
    const location = response.headers.get("location");
    if (location) {
      url = new URL(location, url);
      if (url.href.startsWith(REDIRECT_URI)) return url;
      method = "GET";
      body = undefined;
      continue;
    }
    if (response.status === 200 && url.pathname.startsWith("/interaction/")) {
      const prompt = (await response.text()).includes('name="prompt" value="consent"')
        ? "consent"
        : prompts.shift()!;
      method = "POST";
      body = new URLSearchParams({ prompt, login, password: "any" }).toString();
      continue;
    }
    throw new Error(`Unexpected reply from the provider: ${response.status} at ${url.href}`);
  }
  throw new Error("Too many redirects at the provider");
}

async function startLogin(returnTo?: string) {
  const reply = await t.anonymous.get(
    `/api/auth/oidc/login${returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : ""}`,
  );
  expect(reply.status).toBe(302);
  return String(reply.headers.location);
}

async function callback(url: URL, cookie?: string) {
  return t.app.inject({
    method: "GET",
    url: `${url.pathname}${url.search}`,
    headers: cookie ? { cookie } : {},
  });
}

describe("single sign-on through OpenID Connect", () => {
  it("announces single sign-on in the session endpoint", async () => {
    expect((await t.anonymous.get("/api/auth/session")).body.singleSignOn).toBe(true);
  });

  it("redirects to the provider with state, nonce and a PKCE challenge kept in PostgreSQL", async () => {
    const location = new URL(await startLogin());
    expect(location.origin).toBe(issuer);
    const params = location.searchParams;
    expect(params.get("client_id")).toBe("accord");
    expect(params.get("redirect_uri")).toBe(REDIRECT_URI);
    expect(params.get("code_challenge_method")).toBe("S256");
    expect(params.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await t.db
      .selectFrom("oidcLoginState")
      .selectAll()
      .where("state", "=", params.get("state")!)
      .executeTakeFirstOrThrow();
    expect(stored.nonce).toBe(params.get("nonce"));
    expect(stored.codeVerifier).not.toBe(params.get("code_challenge"));
  });

  it("signs in the Accord user whose username is the email claim, linking the subject", async () => {
    const user = await t.signIn({
      role: "national_coordinator",
      nation: "AZE",
      username: "sso.coordinator@example.org",
    });
    const planted = "accord_session=planted-before-sign-in";
    const back = await signInAtProvider(await startLogin("/people?q=x"), "sso.coordinator");
    const reply = await callback(back, planted);
    expect(reply.statusCode).toBe(302);
    expect(reply.headers.location).toBe("/people?q=x");
    const cookie = String(reply.headers["set-cookie"]).split(";")[0]!;
    expect(cookie).not.toBe(planted);
    const session = await t.app.inject({ method: "GET", url: "/api/auth/session", headers: { cookie } });
    expect(JSON.parse(session.body).user).toMatchObject({
      id: user.userId,
      username: "sso.coordinator@example.org",
    });
    const row = await t.db
      .selectFrom("appUser")
      .select("oidcSubject")
      .where("id", "=", user.userId!)
      .executeTakeFirstOrThrow();
    expect(row.oidcSubject).toBe("sso.coordinator");
    const audit = await t.db
      .selectFrom("auditEntry")
      .select("diff")
      .where("recordId", "=", user.userId)
      .where("action", "=", "auth.login")
      .execute();
    expect(JSON.stringify(audit.at(-1)!.diff)).toContain('"method":"oidc"');
  });

  it("uses each sign-in attempt once: a replayed callback is refused", async () => {
    await t.signIn({ role: "participant", username: "sso.replay@example.org" });
    const back = await signInAtProvider(await startLogin(), "sso.replay");
    expect((await callback(back)).statusCode).toBe(302);
    const replay = await callback(back);
    expect(replay.statusCode).toBe(400);
    expect(JSON.parse(replay.body).fields[0].field).toBe("query.state");
  });

  it("refuses a provider identity without an Accord account, creating none", async () => {
    const before = await t.db.selectFrom("appUser").select("id").execute();
    const back = await signInAtProvider(await startLogin(), "stranger");
    const reply = await callback(back);
    expect(reply.statusCode).toBe(403);
    expect(JSON.parse(reply.body).message).toContain("stranger@example.org");
    expect(reply.headers["set-cookie"]).toBeUndefined();
    expect(await t.db.selectFrom("appUser").select("id").execute()).toHaveLength(before.length);
  });

  it("refuses a tampered state and never redirects off the site", async () => {
    const back = await signInAtProvider(await startLogin("https://evil.example/"), "stranger");
    back.searchParams.set("state", "forged-state");
    expect((await callback(back)).statusCode).toBe(400);
    await t.signIn({ role: "participant", username: "sso.redirect@example.org" });
    const ok = await callback(await signInAtProvider(await startLogin("//evil.example/x"), "sso.redirect"));
    expect(ok.headers.location).toBe("/");
  });
});

describe("single sign-on when not configured", () => {
  it("answers 404 and announces no single sign-on", async () => {
    const plain = await createTestApp();
    try {
      expect((await plain.anonymous.get("/api/auth/oidc/login")).status).toBe(404);
      expect((await plain.anonymous.get("/api/auth/oidc/callback?state=x&code=y")).status).toBe(404);
      expect((await plain.anonymous.get("/api/auth/session")).body.singleSignOn).toBe(false);
    } finally {
      await plain.close();
    }
  });
});
