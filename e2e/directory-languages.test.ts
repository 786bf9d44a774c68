import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2E, startE2E } from "./support/browser.js";
import { englishOnlyPhrases } from "./support/english-strings.js";

let e2e: E2E;
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 200 });
const english = englishOnlyPhrases();

beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.close());

interface Journey {
  language: "az" | "ru";
  familyName: string;
  givenName: string;
  rank: string;
  position: string;
  /** Texts the pages must show in the language. */
  affiliationsTitle: string;
  recordsTitle: string;
  rankLabel: string;
  save: string;
  present: string;
  /** An earlier affiliation's dates, 2020-01-01 and 2021-06-30, written the language's way. */
  since: string;
  until: string;
}

const JOURNEYS: Journey[] = [
  {
    language: "az",
    familyName: "Qasimov",
    givenName: "Tural",
    rank: "Mayor",
    position: "Müşavir",
    affiliationsTitle: "Təşkilat mənsubiyyətinin tarixçəsi",
    recordsTitle: "Namizədliklər və iştirak",
    rankLabel: "Rütbə və ya titul",
    save: "Yadda saxla",
    present: "hazırda",
    since: "1 yanvar 2020",
    until: "30 iyun 2021",
  },
  {
    language: "ru",
    familyName: "Orlova",
    givenName: "Nigar",
    rank: "Подполковник",
    position: "Советник",
    affiliationsTitle: "История принадлежности к организациям",
    recordsTitle: "Кандидатуры и участие",
    rankLabel: "Звание или должностной титул",
    save: "Сохранить",
    present: "по настоящее время",
    since: "1 января 2020 г.",
    until: "30 июня 2021 г.",
  },
];

/** The English texts of the shell and the directory found on the page: none when every text is translated. */
async function englishOn(page: Page): Promise<string[]> {
  const text = (await page.locator("body").textContent()) ?? "";
  return english.filter((phrase) => text.includes(phrase));
}

describe("a person edited in Azerbaijani and in Russian", () => {
  it.each(JOURNEYS)(
    "a coordinator switches to $language, edits a person's rank and adds an affiliation",
    async (journey) => {
      // The phrases looked for include the directory's own.
      expect(english).toContain("Affiliations over time");
      // A person of Azerbaijan linked to no account (whose affiliations only an administrator may change).
      const { t } = e2e;
      const aze = await t.signIn({ role: "national_coordinator", nation: "AZE" });
      const person = await aze.post("/api/people", {
        givenName: journey.givenName,
        familyName: journey.familyName,
        nationId: await t.nationId("AZE"),
      });
      expect(person.status).toBe(201);
      const earlier = await aze.post(`/api/people/${person.body.id}/affiliations`, {
        organisationId: await t.organisationId("AZE-MOD"),
        position: "Staff officer",
        startedOn: "2020-01-01",
        endedOn: "2021-06-30",
      });
      expect(earlier.status).toBe(201);

      const page = await e2e.newPage();
      await e2e.login(page, "coordinator");
      await page.goto("/people");
      await page.getByTestId("person-search").waitFor();
      await page.getByTestId("language-switch").first().click();
      await page.getByTestId(`language-${journey.language}`).click();
      await poll(() => page.locator("html").getAttribute("lang")).toBe(journey.language);

      await page.getByTestId("person-search").fill(journey.familyName);
      await page
        .getByRole("link", { name: `${journey.familyName}, ${journey.givenName}`, exact: true })
        .click();
      await page.waitForURL(/\/people\/[0-9a-f-]{36}$/);
      const personUrl = page.url();
      await poll(() => page.locator("main").textContent()).toContain(journey.affiliationsTitle);
      await poll(() => page.getByTestId("person-nominations").textContent()).toContain(journey.recordsTitle);
      await poll(() => page.getByTestId("affiliations-table").textContent()).toContain(journey.since);
      await poll(() => page.getByTestId("affiliations-table").textContent()).toContain(journey.until);
      expect(await englishOn(page)).toEqual([]);

      // The edit form, in the language, sends the one changed field.
      const patches: unknown[] = [];
      page.on("request", (request) => {
        if (request.method() === "PATCH" && /\/api\/people\/[0-9a-f-]{36}$/.test(request.url()))
          patches.push(request.postDataJSON());
      });
      await page.getByTestId("person-edit").click();
      await page.waitForURL(/\/edit$/);
      await poll(() => page.getByTestId("person-form").textContent()).toContain(journey.rankLabel);
      await poll(() => page.getByTestId("person-submit").textContent()).toBe(journey.save);
      await poll(() => page.getByTestId("person-given-name").inputValue()).toBe(journey.givenName);
      expect(await englishOn(page)).toEqual([]);
      await page.getByTestId("person-rank-title").fill(journey.rank);
      await page.getByTestId("person-submit").click();
      await page.waitForURL(personUrl);
      await poll(() => page.locator("h1").textContent()).toBe(
        `${journey.rank} ${journey.givenName} ${journey.familyName}`,
      );
      expect(patches).toEqual([{ rankTitle: journey.rank }]);

      // A new affiliation through the dialog, open-ended: "present" in the language.
      await page.getByTestId("affiliation-add").click();
      const organisation = page.getByTestId("affiliation-organisation");
      await organisation.click();
      await organisation.fill("AZE-MFA");
      await page
        .getByRole("option", { name: /^AZE-MFA —/ })
        .first()
        .click();
      await page.getByTestId("affiliation-position").fill(journey.position);
      expect(await englishOn(page)).toEqual([]);
      await page.getByTestId("affiliation-submit").click();
      const row = page.getByTestId("affiliation-row-AZE-MFA");
      await poll(() => row.textContent()).toContain(journey.position);
      await poll(() => row.textContent()).toContain(journey.present);
      expect(await englishOn(page)).toEqual([]);
      await page.context().close();
    },
  );
});
