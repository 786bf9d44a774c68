import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2E, startE2E } from "./support/browser.js";

/** Issue 20, "also seen": a certificate checked by its number on the public page; a way to a forgotten password. */
let e: E2E;
let certificate: { number: string; holderName: string; verificationCode: string };
let issuer: string;

const poll = <T>(value: () => Promise<T> | T) => expect.poll(value, { timeout: 30_000, interval: 200 });

beforeAll(async () => {
  e = await startE2E();
  certificate = await e.t.db
    .selectFrom("certificate")
    .select(["number", "holderName", "verificationCode"])
    .where("revokedAt", "is", null)
    .where("qualificationCode", "is not", null)
    .orderBy("number")
    .executeTakeFirstOrThrow();
  const row = await e.t.db
    .selectFrom("certificate as x")
    .innerJoin("course as c", "c.id", "x.courseId")
    .innerJoin("activity as a", "a.id", "c.activityId")
    .innerJoin("organisation as o", (join) =>
      join.on((eb) => eb("o.id", "=", eb.fn.coalesce("a.hostInstitutionId", "a.organiserId"))),
    )
    .select("o.nameEn")
    .where("x.number", "=", certificate.number)
    .executeTakeFirstOrThrow();
  issuer = row.nameEn;
}, 180_000);
afterAll(() => e?.close());

describe("certificate verification", () => {
  it("shows number, holder, qualification, issuer and validity on the QR's page", async () => {
    const page = await e.newPage();
    await page.goto(`/verify/${certificate.verificationCode}`);
    await poll(() => page.getByTestId("verify-number").textContent()).toContain(certificate.number);
    expect(await page.getByTestId("verify-holder").textContent()).toContain(certificate.holderName);
    expect(await page.getByTestId("verify-issuer").textContent()).toContain(issuer);
    expect((await page.getByTestId("verify-qualification").textContent())?.trim()).not.toBe("");
    expect(await page.getByTestId("verify-valid-until").textContent()).toMatch(/\d{4}|no expiry/);
    await page.context().close();
  });

  it("finds a certificate by its number and the holder's family name", async () => {
    const page = await e.newPage();
    await page.goto("/verify");
    await page.getByTestId("verify-lookup-number").fill(certificate.number);
    await page.getByTestId("verify-lookup-holder").fill(certificate.holderName.split(/\s+/).at(-1)!);
    await page.getByTestId("verify-lookup-submit").click();
    await poll(() => page.getByTestId("verify-status").textContent()).toContain("valid");
    expect(await page.getByTestId("verify-number").textContent()).toContain(certificate.number);
    expect(await page.getByTestId("verify-issuer").textContent()).toContain(issuer);

    await page.getByTestId("verify-lookup-holder").fill("Nobody");
    await page.getByTestId("verify-lookup-submit").click();
    await poll(() => page.getByTestId("verify-not-found").isVisible()).toBe(true);
    await page.context().close();
  });
});

describe("sign-in page", () => {
  it("offers 'Forgot password?', which opens the reset request", async () => {
    const page = await e.newPage();
    await page.goto("/login");
    const link = page.getByTestId("login-forgot");
    expect((await link.textContent())?.trim()).toMatch(/forgot/i);
    await link.click();
    await page.waitForURL((url) => url.pathname === "/forgot-password");
    await poll(() => page.locator("input").count()).toBeGreaterThan(0);
    await page.context().close();
  });
});
