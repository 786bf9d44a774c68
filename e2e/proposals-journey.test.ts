import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, TEST_PASSWORD } from "../test/support/test-app.js";
import { type E2E, startE2E } from "./support/browser.js";

let e: E2E;
let partnerApi: Agent;
let coordinatorApi: Agent;
// The machine is shared and slow at times: give the page time to answer.
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 200 });
const WIDTH = 390;

beforeAll(async () => {
  e = await startE2E();
  partnerApi = await e.t.signIn({ role: "organiser", organisation: "AZE-NDU", username: "ndu.proposer" });
  await e.t.signIn({ role: "organiser", organisation: "NATO", username: "nato.staff" });
  coordinatorApi = await e.t.signIn({ role: "national_coordinator", nation: "GEO" });
});
afterAll(() => e?.close());

const menuCodes = async (code: string) =>
  ((await coordinatorApi.get(`/api/activities?q=${code}`)).body.items as { code: string }[]).map(
    (item) => item.code,
  );

describe("partners' activity proposals in the browser", () => {
  it("a partner proposes an activity, alliance staff approve it, and it appears in the menu", async () => {
    const code = "NDU-WARGAME-2031";
    const partner = await e.newPage();
    await e.login(partner, "ndu.proposer", TEST_PASSWORD);
    await partner.goto("/catalogue/proposals");
    await partner.getByTestId("proposal-new").click();
    await partner.waitForURL(/\/catalogue\/activities\/new$/);
    await poll(() => partner.getByTestId("proposal-form-notice").isVisible()).toBe(true);
    await partner.getByTestId("activity-code").fill(code);
    await partner.getByTestId("activity-title-en").fill("Wargaming for staff officers");
    await partner.getByTestId("activity-organiser").click();
    await partner.getByTestId("activity-organiser").fill("AZE-NDU");
    await partner
      .getByRole("option", { name: /^AZE-NDU — / })
      .first()
      .click();
    await partner.getByTestId("activity-submit").click();
    await partner.waitForURL(/\/catalogue\/activities\/[0-9a-f-]{36}$/);
    await poll(() => partner.getByTestId("activity-status").textContent()).toBe("Proposed");
    expect(await partner.getByTestId("proposal-notice").isVisible()).toBe(true);
    // The partner withdraws, edits and adds events, but does not decide on its own proposal.
    expect(await partner.getByTestId("proposal-approve").count()).toBe(0);
    expect(await partner.getByTestId("activity-status-published").count()).toBe(0);
    expect(await partner.getByTestId("activity-cancel").textContent()).toBe("Withdraw proposal");
    // Not in the menu for anyone else yet.
    expect(await menuCodes(code)).toEqual([]);

    // Alliance staff find it among the proposals awaiting a decision, on a phone, and approve it.
    const staff = await e.newPage();
    await e.login(staff, "nato.staff", TEST_PASSWORD);
    await staff.setViewportSize({ width: WIDTH, height: 844 });
    await staff.goto("/catalogue/proposals");
    await poll(() => staff.getByTestId(`proposal-${code}`).count()).toBe(1);
    expect(await staff.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(WIDTH);
    await staff.getByTestId(`proposal-open-${code}`).click();
    await staff.waitForURL(/\/catalogue\/activities\/[0-9a-f-]{36}$/);
    await staff.getByTestId("proposal-approve").click();
    await poll(() => staff.getByTestId("activity-status").textContent()).toBe("Published");
    expect(await staff.getByTestId("proposal-notice").count()).toBe(0);

    // In the menu now: another nation's coordinator finds it in the catalogue.
    await poll(() => menuCodes(code)).toEqual([code]);
    const coordinator = await e.newPage();
    await e.login(coordinator, "coordinator");
    await coordinator.goto(`/catalogue?q=${code}`);
    await poll(() => coordinator.getByTestId("catalogue-results").textContent()).toContain(
      "Wargaming for staff officers",
    );
    await Promise.all([partner, staff, coordinator].map((page) => page.context().close()));
  });

  it("alliance staff reject a proposal with a reason, which the partner reads among its rejected proposals", async () => {
    const proposal = await partnerApi.post("/api/activities", {
      code: "NDU-DUPLICATE-2031",
      titleEn: "A course the school already runs",
      kind: "course",
      menuYear: 2031,
      organiserId: await e.t.organisationId("AZE-NDU"),
    });
    expect(proposal.body.status).toBe("proposed");
    const staff = await e.newPage();
    await e.login(staff, "nato.staff", TEST_PASSWORD);
    await staff.goto(`/catalogue/activities/${proposal.body.id}`);
    await staff.getByTestId("proposal-reject").click();
    // The reason is required: the button waits for it.
    expect(await staff.getByTestId("proposal-reject-confirm").isDisabled()).toBe(true);
    await staff.getByTestId("proposal-reject-reason").fill("The NATO School runs this course");
    await staff.getByTestId("proposal-reject-confirm").click();
    await poll(() => staff.getByTestId("activity-status").textContent()).toBe("Rejected");

    const partner = await e.newPage();
    await e.login(partner, "ndu.proposer", TEST_PASSWORD);
    await partner.goto("/catalogue/proposals");
    await partner.getByTestId("proposals-status").getByText("Rejected").click();
    await poll(() => partner.getByTestId("proposal-NDU-DUPLICATE-2031").count()).toBe(1);
    await partner.getByTestId("proposal-open-NDU-DUPLICATE-2031").click();
    await poll(() => partner.getByTestId("proposal-rejected").textContent()).toContain(
      "The NATO School runs this course",
    );
    await Promise.all([partner, staff].map((page) => page.context().close()));
  });
});
