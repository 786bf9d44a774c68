import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2E, startE2E } from "./support/browser.js";

let e2e: E2E;
// The machine is shared and slow at times: give the page time to answer.
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 200 });

beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.close());

describe("an annual programme agreed by both sides (issue 22)", () => {
  it("the partner submits, alliance staff return it with a reason, the partner resubmits and staff agree; each version is kept", async () => {
    const partner = await e2e.newPage();
    await e2e.login(partner, "coordinator");
    await partner.goto("/programmes/annual");
    await partner.getByTestId("programme-title").fill("Programme 2038");
    await partner.getByLabel("First year").fill("2038");
    await partner.getByLabel("Last year").fill("2038");
    await partner.getByTestId("programme-create").click();
    await partner.waitForURL(/\/programmes\/annual\/[0-9a-f-]{36}$/);
    const url = new URL(partner.url()).pathname;
    await poll(() => partner.getByTestId("programme-versions").textContent()).toContain("Not submitted yet.");
    // The partner has no say on the alliance's side.
    expect(await partner.getByTestId("programme-agree").count()).toBe(0);

    await partner.getByTestId("programme-submit").click();
    await partner.getByTestId("programme-submit-confirm").click();
    await poll(() => partner.getByTestId("programme-status").textContent()).toBe("Submitted");
    await poll(() => partner.getByTestId("programme-version").count()).toBe(1);
    await poll(() => partner.getByTestId("programme-version-decision").textContent()).toBe(
      "Awaiting agreement",
    );
    expect(await partner.getByTestId("programme-return").count()).toBe(0);

    const staff = await e2e.newPage();
    await e2e.login(staff, "admin");
    await staff.goto(url);
    await poll(() => staff.getByTestId("programme-status").textContent()).toBe("Submitted");
    expect(await staff.getByTestId("programme-submit").count()).toBe(0);
    await staff.getByTestId("programme-return").click();
    // Without a reason the server refuses and the form says so beside the field.
    await staff.getByTestId("programme-return-save").click();
    await poll(() => staff.getByTestId("programme-status").textContent()).toBe("Submitted");
    await staff.getByTestId("programme-return-reason").fill("Add the logistics course");
    await staff.getByTestId("programme-return-save").click();
    await poll(() => staff.getByTestId("programme-status").textContent()).toBe("Draft");
    await poll(() => staff.getByTestId("programme-version").first().textContent()).toContain(
      "Add the logistics course",
    );

    await partner.reload();
    await poll(() => partner.getByTestId("programme-status").textContent()).toBe("Draft");
    await partner.getByTestId("programme-edit-open").click();
    const edit = partner.getByTestId("programme-edit");
    await edit.getByTestId("programme-edit-title").fill("Programme 2038, revised");
    await edit.getByTestId("programme-edit-save").click();
    await poll(() => edit.count()).toBe(0);
    await partner.getByTestId("programme-submit").click();
    await partner.getByTestId("programme-submit-confirm").click();
    await poll(() => partner.getByTestId("programme-status").textContent()).toBe("Submitted");

    await staff.reload();
    await staff.getByTestId("programme-agree").click();
    await staff.getByTestId("programme-agree-confirm").click();
    await poll(() => staff.getByTestId("programme-status").textContent()).toBe("Agreed");
    const versions = staff.getByTestId("programme-version");
    await poll(() => versions.count()).toBe(2);
    await poll(() => versions.first().getByTestId("programme-version-number").textContent()).toBe(
      "Version 2",
    );
    expect(await versions.first().getByTestId("programme-version-decision").textContent()).toBe("Agreed");
    expect(await versions.first().textContent()).toContain("Agreed by Demo Administrator");
    expect(await staff.getByTestId("version-changes-2").textContent()).toContain(
      "title: Programme 2038 → Programme 2038, revised",
    );
    expect(await versions.nth(1).getByTestId("programme-version-decision").textContent()).toBe("Returned");

    await partner.reload();
    await poll(() => partner.getByTestId("programme-status").textContent()).toBe("Agreed");
    await partner.context().close();
    await staff.context().close();
  });
});
