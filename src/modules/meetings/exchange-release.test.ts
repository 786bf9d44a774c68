import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, createTestApp, type TestApp } from "../../../test/support/test-app.js";

let t: TestApp;
let admin: Agent;
let centre: Agent; // organiser of the sending organisation
let kgz: Agent; // organiser of the recipient organisation
let kaz: Agent; // organiser of the organisation added to the release list
let azeCoordinator: Agent;
let geoCoordinator: Agent;
let ids: Record<string, string>;

interface Detail {
  id: string;
  releaseNationIds: string[];
  releaseOrganisationIds: string[];
  releaseList: { code: string }[];
  recipients: { party: { code: string } }[];
  side: string;
}

beforeAll(async () => {
  t = await createTestApp();
  await t.seed();
  admin = await t.signIn({ role: "administrator" });
  centre = await t.signIn({ role: "organiser", organisation: "CIS-ATC" });
  kgz = await t.signIn({ role: "organiser", organisation: "KGZ-SCNS-ATC" });
  kaz = await t.signIn({ role: "organiser", organisation: "KAZ-NSC-ATC" });
  azeCoordinator = await t.signIn({ role: "national_coordinator", nation: "AZE" });
  geoCoordinator = await t.signIn({ role: "national_coordinator", nation: "GEO" });
  ids = {
    CIS: await t.organisationId("CIS-ATC"),
    KGZ: await t.organisationId("KGZ-SCNS-ATC"),
    KAZ: await t.organisationId("KAZ-NSC-ATC"),
    AZE: await t.nationId("AZE"),
  };
});
afterAll(() => t.close());

async function send(subject: string) {
  const reply = await centre.post<Detail>("/api/exchange/messages", {
    senderOrganisationId: ids.CIS,
    subject,
    body: "Assessment of the regional situation.",
    recipientOrganisationIds: [ids.KGZ],
  });
  expect(reply.status).toBe(201);
  return reply.body;
}

const widen = (agent: Agent, id: string, body: Record<string, unknown>) =>
  agent.patch<Detail & { fields: { field: string; message: string }[] }>(
    `/api/exchange/messages/${id}/release`,
    body,
  );

describe("widening an exchange message's release list", () => {
  it("lets the sending organisation add a party, which then receives, sees and is told of the message; audited before and after", async () => {
    const message = await send("Widened bulletin Quokka");
    expect((await kaz.get(`/api/exchange/messages/${message.id}`)).status).toBe(404);
    const widened = await widen(centre, message.id, {
      releaseOrganisationIds: [...message.releaseOrganisationIds, ids.KAZ],
    });
    expect(widened.status).toBe(200);
    expect(widened.body.releaseList.map((p) => p.code).sort()).toEqual([
      "CIS-ATC",
      "KAZ-NSC-ATC",
      "KGZ-SCNS-ATC",
    ]);
    expect(widened.body.recipients.map((r) => r.party.code).sort()).toEqual(["KAZ-NSC-ATC", "KGZ-SCNS-ATC"]);

    const read = await kaz.get<Detail>(`/api/exchange/messages/${message.id}`);
    expect(read.status).toBe(200);
    expect(read.body.side).toBe("recipient");
    const inbox = await kaz.get<{ items: { id: string }[] }>("/api/exchange/messages?box=inbox&q=Quokka");
    expect(inbox.body.items.map((m) => m.id)).toEqual([message.id]);
    const notices = await t.db
      .selectFrom("notification")
      .select(["userId", "kind"])
      .where("recordId", "=", message.id)
      .where("kind", "=", "exchange.received")
      .execute();
    expect(notices.some((n) => n.userId === kaz.userId)).toBe(true);
    // The recipient told on sending is not told again.
    expect(notices.filter((n) => n.userId === kgz.userId)).toHaveLength(1);

    const entry = await t.db
      .selectFrom("auditEntry")
      .select(["action", "diff"])
      .where("recordType", "=", "exchange_message")
      .where("recordId", "=", message.id)
      .where("action", "=", "exchange.release.widen")
      .executeTakeFirstOrThrow();
    expect(entry.diff).toMatchObject({
      before: { releaseOrganisations: message.releaseOrganisationIds },
      after: { releaseOrganisations: [...message.releaseOrganisationIds, ids.KAZ] },
      detail: { delivered: { nations: [], organisations: [ids.KAZ] } },
    });
  });

  it("refuses to narrow (422 naming the list) and keeps the list as it was", async () => {
    const message = await send("Not to be narrowed");
    const narrowed = await widen(centre, message.id, {
      releaseOrganisationIds: [ids.CIS, ids.KAZ],
    });
    expect(narrowed.status).toBe(422);
    expect(narrowed.body.fields[0]!.field).toBe("body.releaseOrganisationIds");
    expect(narrowed.body.fields[0]!.message).toContain(ids.KGZ);
    const same = await widen(centre, message.id, { releaseOrganisationIds: message.releaseOrganisationIds });
    expect(same.status).toBe(400);
    expect(same.body.fields[0]!.field).toBe("body.releaseOrganisationIds");
    const unknown = await widen(centre, message.id, {
      releaseNationIds: ["00000000-0000-4000-8000-000000000000"],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.fields[0]!.field).toBe("body.releaseNationIds");
    const after = await centre.get<Detail>(`/api/exchange/messages/${message.id}`);
    expect(after.body.releaseOrganisationIds.sort()).toEqual([ids.CIS, ids.KGZ].sort());
    expect(after.body.releaseNationIds).toEqual([]);
  });

  it("is refused to a recipient (403) and to someone who cannot see the message (404); an administrator may", async () => {
    const message = await send("Only the sender widens");
    const body = { releaseNationIds: [ids.AZE] };
    expect((await widen(kgz, message.id, body)).status).toBe(403);
    expect((await widen(geoCoordinator, message.id, body)).status).toBe(404);
    expect((await widen(azeCoordinator, message.id, body)).status).toBe(404);
    expect((await azeCoordinator.get(`/api/exchange/messages/${message.id}`)).status).toBe(404);
    const byAdmin = await widen(admin, message.id, body);
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body.releaseNationIds).toEqual([ids.AZE]);
    // The nation added receives it: its coordinator now reads it.
    expect((await azeCoordinator.get(`/api/exchange/messages/${message.id}`)).status).toBe(200);
    // A recipient may now forward it to the widened circle.
    const forwarded = await kgz.post(`/api/exchange/messages/${message.id}/forward`, {
      senderOrganisationId: ids.KGZ,
      recipientNationIds: [ids.AZE],
    });
    expect(forwarded.status).toBe(201);
  });
});
