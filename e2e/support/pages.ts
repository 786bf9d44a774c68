import type { Page } from "playwright-core";

/** The pages of the navigation this visitor sees (its links, in order, without duplicates). */
export async function navigationPages(page: Page): Promise<string[]> {
  await page.goto("/");
  await page.locator("nav a[href]").first().waitFor();
  const hrefs = await page
    .locator("nav a[href]")
    .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  return [...new Set(hrefs.filter((href) => href.startsWith("/") && !href.startsWith("/api")))];
}

/** Waits until the page has fetched what it shows: no request in flight and no loader on screen. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
  for (let i = 0; i < 100; i++) {
    const busy = await page.locator(".mantine-Loader-root:visible, [aria-busy=true]:visible").count();
    if (busy === 0) break;
    await page.waitForTimeout(100);
  }
}
