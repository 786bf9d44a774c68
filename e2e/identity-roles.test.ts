import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2E, startE2E } from "./support/browser.js";

let e2e: E2E;
let azeSecret: string;
let geoSecret: string;

/** Two restricted people: one owned by Azerbaijan, one by Georgia (sample records for this journey). */
beforeAll(async () => {
  e2e = await startE2E();
  const { t } = e2e;
  const person = async (nation: string, givenName: string) =>
    (
      await t.db
        .insertInto("person")
        .values({
          givenName,
          familyName: "Restrictedtest",
          nationId: await t.nationId(nation),
          ownerNationId: await t.nationId(nation),
          releasability: "restricted",
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  azeSecret = await person("AZE", "Aytac");
  geoSecret = await person("GEO", "Giorgi");
});
afterAll(() => e2e?.close());

describe("identity and roles in the browser", () => {
  it("shows a national coordinator their nation's restricted people and not another nation's", async () => {
    const page = await e2e.newPage();
    await e2e.login(page, "coordinator");
    await page.goto("/people?q=Restrictedtest");
    await page.getByTestId(`person-row-${azeSecret}`).waitFor();
    expect(await page.getByTestId(`person-row-${geoSecret}`).count()).toBe(0);
    expect(await page.getByTestId("people-table").textContent()).toContain("Aytac");
    expect(await page.getByTestId("people-table").textContent()).not.toContain("Giorgi");
    // Asking for the hidden record directly finds nothing either.
    const direct = await page.request.get(`/api/people/${geoSecret}`);
    expect(direct.status()).toBe(404);
    await page.context().close();
  });

  it("lets an administrator grant a role in the admin page, and the role takes effect", async () => {
    const page = await e2e.newPage();
    await e2e.login(page, "admin");
    await page.goto("/admin");
    await page.getByTestId("user-search").fill("participant");
    await page.getByTestId("user-row-participant").click();
    await page.waitForURL(/\/admin\/users\/[0-9a-f-]{36}$/);

    await page.getByTestId("role-grant-role").click();
    await page.getByRole("option", { name: "National coordinator" }).click();
    await page.getByTestId("role-grant-nation").fill("GEO");
    await page.getByRole("option", { name: /^GEO — / }).click();
    await page.getByTestId("role-grant-submit").click();
    await page.getByTestId("user-role-national_coordinator-GEO").waitFor();

    // The participant now coordinates Georgia and reads its restricted person.
    const participant = await e2e.newPage();
    await e2e.login(participant, "participant");
    await participant.goto("/people?q=Restrictedtest");
    await participant.getByTestId(`person-row-${geoSecret}`).waitFor();

    // The grant is in the audit trail, under the administrator's name.
    await page.goto("/audit?action=role.grant");
    await page.getByTestId("audit-table").getByText("role.grant").first().waitFor();
    expect(await page.getByTestId("audit-table").textContent()).toContain("admin");
    await page.getByTestId("audit-verify").click();
    await page.getByTestId("audit-verdict").waitFor();
    expect(await page.getByTestId("audit-verdict").textContent()).toMatch(/intact/);
    await participant.context().close();
    await page.context().close();
  });
});
