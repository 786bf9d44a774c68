import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, createTestApp, type TestApp } from "../../../test/support/test-app.js";

/** The web app shows edit controls from `canEdit`: it must agree with what the server then allows. */
let t: TestApp;
let admin: Agent;
let natoOrganiser: Agent;
let atcOrganiser: Agent;
let azeCoordinator: Agent;

beforeAll(async () => {
  t = await createTestApp();
  await t.seed();
  admin = await t.signIn({ role: "administrator" });
  natoOrganiser = await t.signIn({ role: "organiser", organisation: "NATO" });
  atcOrganiser = await t.signIn({ role: "organiser", organisation: "CIS-ATC" });
  azeCoordinator = await t.signIn({ role: "national_coordinator", nation: "AZE" });
});
afterAll(() => t.close());

const operationRsm = async (agent: Agent) => {
  const page = await agent.get("/api/operations?q=RSM");
  expect(page.status).toBe(200);
  return page.body.items.find((item: { code: string }) => item.code === "RSM");
};

describe("canEdit on operations and fund contributions", () => {
  it("an operation is editable by administrators and its lead organisation's managers, in the list and alone", async () => {
    expect((await operationRsm(admin)).canEdit).toBe(true);
    expect((await operationRsm(natoOrganiser)).canEdit).toBe(true);
    expect((await operationRsm(atcOrganiser)).canEdit).toBe(false);
    expect((await operationRsm(t.anonymous)).canEdit).toBe(false);
    const { id } = await operationRsm(atcOrganiser);
    expect((await atcOrganiser.get(`/api/operations/${id}`)).body.canEdit).toBe(false);
    expect((await natoOrganiser.get(`/api/operations/${id}`)).body.canEdit).toBe(true);
    // What canEdit says is what the server allows.
    expect((await atcOrganiser.patch(`/api/operations/${id}`, { source: "test" })).status).toBe(403);
    expect((await natoOrganiser.patch(`/api/operations/${id}`, { source: "test" })).status).toBe(200);
  });

  it("a contribution is editable by its nation's coordinators and administrators, not by a reader it is released to", async () => {
    const rows = async (agent: Agent) => {
      const page = await agent.get("/api/fund-contributions?year=2016");
      expect(page.status).toBe(200);
      return page.body.items as { id: string; canEdit: boolean; nation: { code: string } }[];
    };
    const [aze] = await rows(azeCoordinator);
    expect(aze).toMatchObject({ nation: { code: "AZE" }, canEdit: true });
    expect((await rows(admin)).map((row) => row.canEdit)).toEqual([true]);
    const released = await rows(natoOrganiser);
    expect(released.map((row) => [row.id, row.canEdit])).toEqual([[aze!.id, false]]);
    expect((await natoOrganiser.patch(`/api/fund-contributions/${aze!.id}`, { note: "x" })).status).toBe(403);
    const edited = await azeCoordinator.patch(`/api/fund-contributions/${aze!.id}`, { note: "checked" });
    expect(edited.body).toMatchObject({ note: "checked", canEdit: true });
  });
});
