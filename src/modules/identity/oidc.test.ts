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
      claims: async () => ({
        sub: id,
        email: `${id}@example.org`,
        email_verified: !id.startsWith("unverified"),
      }),
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

/** The binding cookie each sign-in attempt set on the browser that started it, by state. */
const bindingOf = new Map<string, string>();

const setCookieOf = (headers: Record<string, unknown>, name: string) =>
  ([headers["set-cookie"]].flat() as (string | undefined)[]).find((cookie) => cookie?.startsWith(`${name}=`));

async function startLogin(returnTo?: string) {
  const reply = await t.anonymous.get(
    `/api/auth/oidc/login${returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : ""}`,
  );
  expect(reply.status).toBe(302);
  const location = String(reply.headers.location);
  const binding = setCookieOf(reply.headers, "accord_oidc");
  if (binding) bindingOf.set(new URL(location).searchParams.get("state")!, binding.split(";")[0]!);
  return location;
}

/** The provider's redirect back, opened in the browser that started the attempt (plus any other cookie). */
async function callback(url: URL, cookie?: string) {
  const binding = bindingOf.get(url.searchParams.get("state") ?? "");
  return callbackIn(url, [binding, cookie].filter(Boolean).join("; "));
}

/** The same URL opened in a browser of one's choosing: `cookie` is all it sends. */
async function callbackIn(url: URL, cookie: string) {
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
    const cookie = setCookieOf(reply.headers, "accord_session")!.split(";")[0]!;
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
    expect(setCookieOf(reply.headers, "accord_session")).toBeUndefined();
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

describe("login CSRF: the callback belongs to the browser that started the sign-in", () => {
  it("sets a short-lived httpOnly, SameSite=Lax binding cookie whose hash is the state", async () => {
    const reply = await t.anonymous.get("/api/auth/oidc/login");
    const cookie = setCookieOf(reply.headers, "accord_oidc")!;
    expect(cookie).toMatch(/^accord_oidc=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    expect(cookie).toContain("Path=/");
    expect(cookie).toContain("Max-Age=600");
    const state = new URL(String(reply.headers.location)).searchParams.get("state")!;
    // Only its hash travels through the provider: the state does not reveal the cookie.
    expect(cookie).not.toContain(state);
  });

  it("refuses the attacker's unused callback URL in the victim's browser, signing no one in", async () => {
    await t.signIn({ role: "participant", username: "sso.attacker@example.org" });
    const attackersUrl = await signInAtProvider(await startLogin("/people"), "sso.attacker");
    const sessionsBefore = await t.db.selectFrom("userSession").select("tokenHash").execute();
    // The victim has no binding cookie at all, or one of their own sign-in attempt.
    const victimsOwnStart = await t.anonymous.get("/api/auth/oidc/login");
    const victimsBinding = setCookieOf(victimsOwnStart.headers, "accord_oidc")!.split(";")[0]!;
    for (const cookie of ["", victimsBinding, "accord_oidc=guessed"]) {
      const reply = await callbackIn(attackersUrl, cookie);
      expect(reply.statusCode, cookie).toBe(400);
      expect(JSON.parse(reply.body).fields[0].field).toBe("query.state");
      expect(setCookieOf(reply.headers, "accord_session")).toBeUndefined();
    }
    expect(await t.db.selectFrom("userSession").select("tokenHash").execute()).toHaveLength(
      sessionsBefore.length,
    );
    // The attempt was not spent by the refused callbacks: in the browser that started it, it still works once.
    const own = await callback(attackersUrl);
    expect(own.statusCode).toBe(302);
    expect(setCookieOf(own.headers, "accord_session")).toBeDefined();
    expect(setCookieOf(own.headers, "accord_oidc")).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/);
  });

  it("refuses a provider identity whose e-mail address is not verified", async () => {
    const user = await t.signIn({ role: "participant", username: "unverified.user@example.org" });
    const reply = await callback(await signInAtProvider(await startLogin(), "unverified.user"));
    expect(reply.statusCode).toBe(403);
    expect(JSON.parse(reply.body).message).toContain("not verified");
    expect(setCookieOf(reply.headers, "accord_session")).toBeUndefined();
    const row = await t.db
      .selectFrom("appUser")
      .select("oidcSubject")
      .where("id", "=", user.userId!)
      .executeTakeFirstOrThrow();
    expect(row.oidcSubject).toBeNull();
  });
});

describe("return path after single sign-on", () => {
  const storedReturnTo = async (location: string) =>
    (
      await t.db
        .selectFrom("oidcLoginState")
        .select("returnTo")
        .where("state", "=", new URL(location).searchParams.get("state")!)
        .executeTakeFirstOrThrow()
    ).returnTo;

  // Each from its own client address, so the table stays under the per-address limit on sign-in starts.
  let address = 0;
  const startFrom = async (returnTo: string) => {
    const reply = await t.app.inject({
      method: "GET",
      url: `/api/auth/oidc/login?returnTo=${encodeURIComponent(returnTo)}`,
      remoteAddress: `198.51.100.${++address}`,
    });
    expect(reply.statusCode, JSON.stringify(returnTo)).toBe(302);
    return String(reply.headers.location);
  };

  it("keeps only same-origin paths: every hostile returnTo becomes /", async () => {
    const hostile = [
      "/\t/evil.example/x",
      "/\n/evil.example/x",
      "/\r/evil.example/x",
      "/ /evil.example/x",
      "\t//evil.example/x",
      " //evil.example/x",
      "/\u2028/evil.example",
      "/\u00a0/evil.example",
      "/\u200b/evil.example",
      "//evil.example/x",
      "///evil.example/x",
      "/\\evil.example/x",
      "/x\\..\\..\\evil",
      "\\\\evil.example",
      "https://evil.example/",
      "http:/evil.example",
      "javascript:alert(1)",
      "evil.example",
      "/%2F/evil.example",
      "/%2f%2fevil.example",
      "/%5Cevil.example",
      "/%09/evil.example",
      "/%0d%0a/evil.example",
      "/%E0%A4%A",
    ];
    for (const returnTo of hostile) {
      expect(await storedReturnTo(await startFrom(returnTo)), JSON.stringify(returnTo)).toBe("/");
    }
    for (const kept of ["/people?q=x", "/activities?kind=course&year=2026#top", "/people/%C3%A7"]) {
      expect(await storedReturnTo(await startFrom(kept))).toBe(kept);
    }
  });

  it("lands on this site after a sign-in started with a tab-smuggled returnTo", async () => {
    await t.signIn({ role: "participant", username: "sso.tab@example.org" });
    // encodeURIComponent gives exactly the reported returnTo=%2F%09%2Fevil.example%2Fx
    const back = await signInAtProvider(await startLogin("/\t/evil.example/x"), "sso.tab");
    const done = await callback(back);
    expect(done.statusCode).toBe(302);
    expect(done.headers.location).toBe("/");
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
