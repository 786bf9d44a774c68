import { existsSync } from "node:fs";
import { type Browser, chromium, type Page } from "playwright-core";
import type { Config } from "../../src/config.js";
import { DEMO_PASSWORD, seedDemo } from "../../src/seed/demo.js";
import { createTestApp, type TestApp } from "../../test/support/test-app.js";

export const CHROMIUM = process.env.ACCORD_CHROMIUM || "/usr/bin/chromium";

// Flags from the workplace notes: no sandbox as root, and no background networking on a closed network.
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

export interface E2E {
  t: TestApp;
  baseUrl: string;
  browser: Browser;
  /** A new page in a fresh context (no cookies), optionally with the language preset. */
  newPage(language?: "en" | "az" | "ru"): Promise<Page>;
  /** Signs in through the login form as a demo account. */
  login(page: Page, username: string, password?: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * A real server on a free port (its own database with the demo data and demo accounts) serving the built web app,
 * and Debian's Chromium driven by playwright-core. Run `npm run build:web` first.
 */
export async function startE2E(overrides: Partial<Config> = {}): Promise<E2E> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium is not installed at ${CHROMIUM}: run scripts/ensure-chromium.sh`);
  if (!existsSync(new URL("../../web/dist/index.html", import.meta.url))) {
    throw new Error("The web app is not built: run `npm run build:web` first");
  }
  const t = await createTestApp(overrides);
  await seedDemo(t.db, { demoAccounts: true });
  await t.app.listen({ host: "127.0.0.1", port: 0 });
  const address = t.app.server.address();
  const baseUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  return {
    t,
    baseUrl,
    browser,
    async newPage(language) {
      const context = await browser.newContext({ baseURL: baseUrl, locale: language ?? "en-GB" });
      if (language) {
        await context.addInitScript((lang) => window.localStorage.setItem("accord.language", lang), language);
      }
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      return page;
    },
    async login(page, username, password = DEMO_PASSWORD) {
      await page.goto("/login");
      await page.getByTestId("login-username").fill(username);
      await page.getByTestId("login-password").fill(password);
      await page.getByTestId("login-submit").click();
      await page.waitForURL((url) => !url.pathname.startsWith("/login"));
    },
    async close() {
      await browser.close();
      await t.close();
    },
  };
}
