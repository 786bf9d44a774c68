import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, createTestApp, type TestApp } from "../../../test/support/test-app.js";
import { seedDirectory } from "../directory/directory.seed.js";

/**
 * Naming a person in a meeting's delegation commits them over the meeting's dates: like the catalogue's acceptance
 * (catalogue/double-booking.test.ts), it is refused with 409 DOUBLE_BOOKING when they are committed elsewhere over
 * those dates, unless the request overrides with a reason, which the audit entry keeps.
 */
let t: TestApp;
let organiser: Agent;
let serial = 0;

beforeAll(async () => {
  t = await createTestApp();
  await seedDirectory(t.db);
  organiser = await t.signIn({ role: "organiser", organisation: "NATO-SCHOOL" });
});
afterAll(() => t.close());

async function person() {
  const nationId = await t.nationId("GEO");
  const row = await t.db
    .insertInto("person")
    .values({ givenName: "Booked", familyName: `Delegate${++serial}`, nationId, ownerNationId: nationId })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A meeting of the school over the dates, with the person (if given) in a delegation already. */
async function meeting(startsOn: string, endsOn: string, personId?: string) {
  const owner = await t.organisationId("NATO-SCHOOL");
  const series = await t.db
    .insertInto("meetingSeries")
    .values({ code: `DEL-S${++serial}`, kind: "heads_meeting", titleEn: "Heads", ownerOrganisationId: owner })
    .returning("id")
    .executeTakeFirstOrThrow();
  const row = await t.db
    .insertInto("meeting")
    .values({
      seriesId: series.id,
      number: 1,
      title: `Meeting ${serial}`,
      startsOn,
      endsOn,
      ownerOrganisationId: owner,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (personId)
    await t.db
      .insertInto("meetingDelegation")
      .values({
        meetingId: row.id,
        nationId: await t.nationId("AZE"),
        members: JSON.stringify([{ name: "Booked", personId }]),
      })
      .execute();
  return row.id;
}

const delegation = async (meetingId: string, personId: string, extra: Record<string, unknown> = {}) =>
  organiser.post(`/api/meetings/${meetingId}/delegations`, {
    nationId: await t.nationId("GEO"),
    headName: "Head of delegation",
    members: [{ name: "Someone else" }, { name: "Booked", personId }],
    ...extra,
  });

const delegationsOf = async (meetingId: string) =>
  (await organiser.get(`/api/meetings/${meetingId}`)).body.delegations as unknown[];

describe("a person named in a meeting's delegation", () => {
  it("is refused over another meeting the person is a delegate of, naming it, and nothing is added", async () => {
    const personId = await person();
    const other = await meeting("2027-05-10", "2027-05-12", personId);
    const target = await meeting("2027-05-12", "2027-05-13");
    const reply = await delegation(target, personId);
    expect(reply.status, reply.text).toBe(409);
    expect(reply.body.code).toBe("DOUBLE_BOOKING");
    expect(reply.body.conflicts).toEqual([
      {
        kind: "meeting",
        recordType: "meeting",
        id: other,
        title: `Meeting ${serial - 1}`,
        startsOn: "2027-05-10",
        endsOn: "2027-05-12",
      },
    ]);
    expect(await delegationsOf(target)).toEqual([]);
  });

  it("needs a reason with an override (422 naming body.overrideReason)", async () => {
    const personId = await person();
    await meeting("2027-06-01", "2027-06-02", personId);
    const target = await meeting("2027-06-02", "2027-06-02");
    const reply = await delegation(target, personId, { override: true });
    expect(reply.status, reply.text).toBe(422);
    expect(reply.body.fields).toEqual([{ field: "body.overrideReason", message: expect.any(String) }]);
    expect(await delegationsOf(target)).toEqual([]);
  });

  it("is added with an override and its reason, which the audit entry keeps with the conflicts", async () => {
    const personId = await person();
    const other = await meeting("2027-07-01", "2027-07-03", personId);
    const target = await meeting("2027-07-03", "2027-07-04");
    const reply = await delegation(target, personId, {
      override: true,
      overrideReason: "Attends the first morning only",
    });
    expect(reply.status, reply.text).toBe(201);
    expect(reply.body.delegations).toHaveLength(1);
    const entry = await t.db
      .selectFrom("auditEntry")
      .select("diff")
      .where("action", "=", "meeting.delegation.add")
      .orderBy("seq", "desc")
      .executeTakeFirstOrThrow();
    expect(entry.diff).toMatchObject({
      detail: {
        doubleBookings: [
          {
            personId,
            reason: "Attends the first morning only",
            conflicts: [expect.objectContaining({ id: other })],
          },
        ],
      },
    });
  });

  it("is added without an override when the dates do not overlap (the day after ends counts as free)", async () => {
    const personId = await person();
    await meeting("2027-08-01", "2027-08-02", personId);
    const target = await meeting("2027-08-03", "2027-08-04");
    const reply = await delegation(target, personId);
    expect(reply.status, reply.text).toBe(201);
  });
});
