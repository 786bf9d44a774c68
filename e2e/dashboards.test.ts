import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2E, startE2E } from "./support/browser.js";

let e2e: E2E;
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 200 });

beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.close());

const TEXTS = {
  en: {
    programme: "Programme: planned and done",
    achieved: "Achieved",
    nation: "Azerbaijan",
    table: "Table",
  },
  az: {
    programme: "Proqram: planlaşdırılıb və icra edilib",
    achieved: "Əldə edilib",
    nation: "Azərbaycan",
    table: "Cədvəl",
  },
  ru: {
    programme: "Программа: запланировано и выполнено",
    achieved: "Достигнута",
    nation: "Азербайджан",
    table: "Таблица",
  },
} as const;

describe("dashboards in three languages", () => {
  it.each(["en", "az", "ru"] as const)(
    "shows the coordinator their nation's charts on the home page and the auditor the nations side by side (%s)",
    async (language) => {
      const texts = TEXTS[language];
      const page = await e2e.newPage(language);
      await e2e.login(page, "coordinator");
      await page.goto("/");
      // "What needs you" stays; the nation's dashboard follows it.
      await page.getByTestId("attention").waitFor();
      const home = page.getByTestId("home-dashboard");
      await home.getByTestId("nation-dashboard").waitFor();
      await poll(() => home.getByTestId("chart-programme").textContent()).toContain(texts.programme);
      // Each chart is drawn (an SVG from recharts) from the figures of its table.
      await poll(() =>
        home.getByTestId("chart-programme").locator("svg.recharts-surface").count(),
      ).toBeGreaterThan(0);
      await poll(() =>
        home.getByTestId("chart-goals").locator("svg.recharts-surface").count(),
      ).toBeGreaterThan(0);
      await home.getByTestId("chart-goals-table-toggle").click();
      const goals = home.getByTestId("chart-goals-table");
      await poll(() => goals.textContent()).toContain(texts.achieved);
      expect(await goals.locator("tbody tr").count()).toBe(3);
      const csv = await home.getByTestId("chart-goals-csv").getAttribute("href");
      expect(csv).toContain("/api/dashboards/nation/export?");
      expect(csv).toContain(`lang=${language}`);
      const download = await page.request.get(csv!);
      expect(download.status()).toBe(200);
      expect((await download.text()).trim().split("\r\n")).toHaveLength(4);
      await page.context().close();

      const auditor = await e2e.newPage(language);
      await e2e.login(auditor, "auditor");
      await auditor.goto("/dashboards/nations");
      const side = auditor.getByTestId("nations-dashboard");
      await side.waitFor();
      await poll(() => side.getByTestId("chart-programme").textContent()).toContain(texts.programme);
      await poll(() =>
        side.getByTestId("chart-programme").locator("svg.recharts-surface").count(),
      ).toBeGreaterThan(0);
      await side.getByTestId("chart-certifications-table-toggle").click();
      await poll(() => side.getByTestId("chart-certifications-table").textContent()).toContain(texts.nation);
      await poll(() => auditor.locator("main").textContent()).toContain(texts.table);
      await auditor.context().close();
    },
  );
});
