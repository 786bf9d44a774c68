import type { Page, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_PASSWORD } from "../test/support/test-app.js";
import { type E2E, startE2E } from "./support/browser.js";

let e2e: E2E;
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 200 });

beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.close());

/** The bodies of the PATCH requests the page sends to a path, in order. */
function patchesTo(page: Page, path: RegExp): unknown[] {
  const bodies: unknown[] = [];
  page.on("request", (request: Request) => {
    if (request.method() === "PATCH" && path.test(new URL(request.url()).pathname))
      bodies.push(request.postDataJSON());
  });
  return bodies;
}

async function choose(page: Page, testId: string, typed: string, option: RegExp) {
  const picker = page.getByTestId(testId);
  await picker.click();
  await picker.fill(typed);
  await page.getByRole("option", { name: option }).first().click();
}

describe("people and nations authored in the browser", () => {
  it("a coordinator creates a person with a first affiliation, edits only the rank, adds an affiliation and sees the person's records", async () => {
    const page = await e2e.newPage();
    await e2e.login(page, "coordinator");
    await page.goto("/people");
    await page.getByTestId("person-create").click();
    await page.waitForURL(/\/people\/new$/);
    await page.getByTestId("person-given-name").fill("Leyla");
    await page.getByTestId("person-family-name").fill("Authoringova");
    await choose(page, "person-nation", "AZE", /^AZE — Azerbaijan/);
    await choose(page, "person-organisation", "AZE-MOD", /AZE-MOD —/);
    await page.getByTestId("person-position").fill("Staff officer");
    await page.getByTestId("person-submit").click();
    await page.waitForURL(/\/people\/[0-9a-f-]{36}$/);
    const personId = page.url().split("/").pop()!;
    await poll(() => page.getByTestId("affiliation-row-AZE-MOD").textContent()).toContain("Staff officer");

    // Edit: only the changed field leaves the browser.
    const patches = patchesTo(page, /^\/api\/people\/[0-9a-f-]{36}$/);
    await page.getByTestId("person-edit").click();
    await page.waitForURL(/\/edit$/);
    await poll(() => page.getByTestId("person-given-name").inputValue()).toBe("Leyla");
    await page.getByTestId("person-rank-title").fill("Captain");
    await page.getByTestId("person-submit").click();
    await page.waitForURL(new RegExp(`/people/${personId}$`));
    await poll(() => page.locator("h1").textContent()).toBe("Captain Leyla Authoringova");
    expect(patches).toEqual([{ rankTitle: "Captain" }]);

    // A second affiliation through the dialog.
    await page.getByTestId("affiliation-add").click();
    await choose(page, "affiliation-organisation", "AZE-NDU", /^AZE-NDU —/);
    await page.getByTestId("affiliation-position").fill("Lecturer");
    await page.getByTestId("affiliation-submit").click();
    await poll(() => page.getByTestId("affiliation-row-AZE-NDU").textContent()).toContain("Lecturer");

    // Nominated through the API, the person's page lists the nomination; no certificate yet.
    const { t } = e2e;
    const event = await t.db
      .selectFrom("event")
      .innerJoin("activity", "activity.id", "event.activityId")
      .select("event.id")
      .where("activity.code", "=", "CREVAL-2027")
      .where("event.startsOn", "=", "2027-03-08")
      .executeTakeFirstOrThrow();
    const aze = await t.signIn({ role: "national_coordinator", nation: "AZE" });
    expect((await aze.post(`/api/events/${event.id}/nominations`, { personId })).status).toBe(201);
    await page.reload();
    const nominations = page.getByTestId("person-nominations");
    await poll(() => nominations.getByTestId("person-nominations-row").count()).toBe(1);
    await poll(() => nominations.textContent()).toContain("CREVAL-2027");
    await poll(() => nominations.textContent()).toContain("8 March 2027");
    await poll(() => page.getByTestId("person-certificates").textContent()).toContain(
      "No certificates you may see.",
    );
    await page.context().close();
  });

  it("another nation's coordinator sees an Azerbaijani person without edit controls or Azerbaijan's restricted records", async () => {
    const { t } = e2e;
    await t.signIn({ role: "national_coordinator", nation: "GEO", username: "geo.reader" });
    // A course director of Azerbaijan holds certificates that only Azerbaijan's side may read.
    const holder = await t.db
      .selectFrom("certificate as c")
      .innerJoin("person as p", "p.id", "c.personId")
      .innerJoin("nation as n", "n.id", "p.nationId")
      .where("n.code", "=", "AZE")
      .where("p.releasability", "in", ["public", "internal"])
      .select(["p.id"])
      .executeTakeFirstOrThrow();
    const admin = await t.signIn({ role: "administrator" });
    const held = await admin.get(`/api/training/certificates?personId=${holder.id}&limit=1`);
    expect(held.body.total).toBeGreaterThan(0);

    const page = await e2e.newPage();
    await e2e.login(page, "geo.reader", TEST_PASSWORD);
    await page.goto(`/people/${holder.id}`);
    await poll(() => page.getByTestId("person-certificates").textContent()).toContain(
      "No certificates you may see.",
    );
    expect(await page.getByTestId("person-certificates-row").count()).toBe(0);
    expect(await page.getByTestId("person-edit").count()).toBe(0);
    expect(await page.getByTestId("affiliation-add").count()).toBe(0);
    await page.context().close();
  });

  it("an administrator reads a nation's page, is refused a taken code beside the field and renames it sending only the name", async () => {
    const { t } = e2e;
    const nationId = await t.nationId("AZE");
    const admin = await t.signIn({ role: "administrator" });
    const people = (await admin.get(`/api/people?nationId=${nationId}&limit=1`)).body.total as number;
    const organisations = (await admin.get(`/api/organisations?nationId=${nationId}&limit=1`)).body
      .total as number;

    const page = await e2e.newPage();
    await e2e.login(page, "admin");
    await page.goto(`/nations/${nationId}`);
    await poll(() => page.getByTestId("nation-people-count").textContent()).toBe(String(people));
    await poll(() => page.getByTestId("nation-organisations").getByTestId("table-range").textContent()).toBe(
      `1–${Math.min(10, organisations)} of ${organisations}`,
    );
    await page.getByTestId("nation-plans-link").click();
    await page.waitForURL(new RegExp(`/programmes/plans\\?nation=${nationId}$`));
    await page.goBack();

    const patches = patchesTo(page, /^\/api\/nations\/[0-9a-f-]{36}$/);
    await page.getByTestId("nation-edit").click();
    const code = page.getByTestId("nation-code");
    await poll(() => code.inputValue()).toBe("AZE");
    await code.fill("GEO");
    await page.getByTestId("nation-submit").click();
    await poll(() => code.getAttribute("aria-invalid")).toBe("true");
    expect(await code.inputValue()).toBe("GEO");
    await code.fill("AZE");
    await page.getByTestId("nation-name-en").fill("Republic of Azerbaijan");
    await page.getByTestId("nation-submit").click();
    await page.waitForURL(new RegExp(`/nations/${nationId}$`));
    await poll(() => page.getByTestId("nation-name-en").textContent()).toBe("Republic of Azerbaijan");
    expect(patches).toEqual([{ code: "GEO" }, { nameEn: "Republic of Azerbaijan" }]);
    await page.context().close();
  });
});
