import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2E, startE2E } from "./support/browser.js";

let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.close());

describe("the transparency log on the audit trail", () => {
  it("shows an entry verified in the log at the signed tree size, with its proof to download", async () => {
    const page = await e2e.newPage();
    await e2e.login(page, "auditor");
    await page.goto("/audit?action=auth.login");
    await page.getByTestId("audit-table").getByText("auth.login").first().waitFor();
    const first = await e2e.t.db
      .selectFrom("auditEntry")
      .select("seq")
      .where("action", "=", "auth.login")
      .orderBy("seq", "desc")
      .executeTakeFirstOrThrow();
    const seq = Number(first.seq);
    await page.getByTestId(`audit-log-check-${seq}`).click();
    await page.getByTestId(`audit-log-${seq}`).waitFor();
    const size = Number(
      (
        await e2e.t.db
          .selectFrom("transparencyHead")
          .select("treeSize")
          .orderBy("treeSize", "desc")
          .executeTakeFirstOrThrow()
      ).treeSize,
    );
    expect(size).toBeGreaterThanOrEqual(seq);
    expect(await page.getByTestId(`audit-log-${seq}`).textContent()).toContain(
      `Verified in the log at tree size ${size}`,
    );
    const href = await page.getByTestId(`audit-log-download-${seq}`).getAttribute("href");
    const proof = JSON.parse(decodeURIComponent(href!.replace(/^data:application\/json;charset=utf-8,/, "")));
    expect(proof).toMatchObject({ seq, leafIndex: seq - 1, treeSize: size, head: { treeSize: size } });
    expect(await page.getByTestId(`audit-log-download-${seq}`).getAttribute("download")).toBe(
      `audit-entry-${seq}-proof.json`,
    );
    await page.context().close();
  });

  it("says it in Russian too", async () => {
    const page = await e2e.newPage("ru");
    await e2e.login(page, "admin");
    await page.goto("/audit?action=auth.login");
    await page.getByTestId("audit-table").getByText("auth.login").first().waitFor();
    const seq = Number(
      (
        await e2e.t.db
          .selectFrom("auditEntry")
          .select("seq")
          .where("action", "=", "auth.login")
          .orderBy("seq", "desc")
          .executeTakeFirstOrThrow()
      ).seq,
    );
    await page.getByTestId(`audit-log-check-${seq}`).click();
    await page.getByTestId(`audit-log-${seq}`).waitFor();
    expect(await page.getByTestId(`audit-log-${seq}`).textContent()).toContain("Подтверждено в журнале");
    await page.context().close();
  });
});
