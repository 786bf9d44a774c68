import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, createTestApp, type TestApp } from "../support/test-app.js";

/**
 * Writes that can change what someone may see, generated from three tables:
 * - links: a write naming another record by id answers a record the writer cannot see exactly like an id that
 *   does not exist (same status, code, message and field), so it neither links to it nor confirms it exists;
 * - owners: every owner of a new record is within the writer's write scope;
 * - scope: a caller cannot widen their own or another user's read scope (a person's nation and affiliations,
 *   grants, reviewers, release lists), and a hidden canary record stays hidden after the refused write.
 */

let t: TestApp;
let admin: Agent;
let coordinator: Agent; // AZE, linked to a person of AZE
let organiser: Agent; // AZE-NDU
let ids: Record<string, string>;
let unique = 0;
const next = () => `${Date.now().toString(36)}${++unique}`.toUpperCase();

/** Restricted records of Georgia that no Azerbaijani caller may see: the targets of the links and the canaries. */
async function hiddenRecords() {
  const geo = ids.GEO!;
  const restricted = { ownerNationId: geo, releasability: "restricted" as const };
  const plan = await t.db
    .insertInto("plan")
    .values({
      code: `HIDDEN-PLAN-${next()}`,
      title: "Hidden plan",
      kind: "individually_tailored_partnership_programme",
      nationId: geo,
      ...restricted,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const framework = await t.db
    .insertInto("frameworkDocument")
    .values({ nationId: geo, title: "Hidden framework", kind: "framework_document", ...restricted })
    .returning("id")
    .executeTakeFirstOrThrow();
  const activity = await t.db
    .insertInto("activity")
    .values({
      code: `HIDDEN-ACT-${next()}`,
      titleEn: "Hidden activity",
      kind: "course",
      menuYear: 2027,
      organiserId: ids["NATO-SCHOOL"]!,
      status: "published",
      ...restricted,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const event = await t.db
    .insertInto("event")
    .values({ activityId: activity.id, startsOn: "2027-03-01", endsOn: "2027-03-05", status: "open" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const person = await t.db
    .insertInto("person")
    .values({ givenName: "Hidden", familyName: `Person ${next()}`, nationId: geo, ...restricted })
    .returning("id")
    .executeTakeFirstOrThrow();
  return {
    plan: plan.id,
    framework: framework.id,
    activity: activity.id,
    event: event.id,
    person: person.id,
  };
}
let hidden: Awaited<ReturnType<typeof hiddenRecords>> & { schoolPerson?: string };

beforeAll(async () => {
  t = await createTestApp();
  await t.seed();
  ids = {};
  for (const code of ["AZE", "GEO"]) ids[code] = await t.nationId(code);
  for (const code of ["AZE-NDU", "NATO-SCHOOL", "ACT"]) ids[code] = await t.organisationId(code);
  admin = await t.signIn({ role: "administrator" });
  coordinator = await t.signIn({ role: "national_coordinator", nation: "AZE", personNation: "AZE" });
  organiser = await t.signIn({ role: "organiser", organisation: "AZE-NDU" });
  hidden = await hiddenRecords();
});
afterAll(() => t.close());

// ---------------------------------------------------------------------------------------------- links
type Write = { method: "POST" | "PATCH" | "PUT"; url: string; body: Record<string, unknown> };

interface LinkWrite {
  name: string;
  caller: () => Agent;
  field: string;
  target: () => string;
  /** Builds the write (and the record it changes, in the caller's scope) that links to `linkId`. */
  write: (linkId: string) => Promise<Write>;
}

const created = async (agent: Agent, url: string, body: Record<string, unknown>) => {
  const reply = await agent.post(url, body);
  expect(reply.status, `${url}: ${JSON.stringify(reply.body)}`).toBe(201);
  return reply.body.id as string;
};
const azeGoal = (extra: Record<string, unknown> = {}) => ({
  nationId: ids.AZE,
  code: `SW-G-${next()}`,
  title: "Scope-write goal",
  areaCode: "cyber_defence",
  ...extra,
});
let programmeYear = 2040;
const azeProgramme = (extra: Record<string, unknown> = {}) => ({
  nationId: ids.AZE,
  firstYear: programmeYear++,
  title: "Scope-write programme",
  ...extra,
});
const azeSeries = async () =>
  created(admin, "/api/meeting-series", {
    code: `SW-MS-${next()}`,
    kind: "expert_consultation",
    titleEn: "Scope-write series",
    ownerNationId: ids.AZE,
  });
const exercise = (extra: Record<string, unknown> = {}) => ({
  code: `SW-EX-${next()}`,
  name: "Scope-write exercise",
  kind: "command_post",
  leadOrganisationId: ids["AZE-NDU"],
  startsOn: "2027-05-01",
  endsOn: "2027-05-10",
  ...extra,
});

const LINKS: LinkWrite[] = [
  {
    name: "a new partnership goal's plan",
    caller: () => coordinator,
    field: "body.planId",
    target: () => hidden.plan,
    write: async (planId) => ({ method: "POST", url: "/api/partnership-goals", body: azeGoal({ planId }) }),
  },
  {
    name: "an edited partnership goal's plan",
    caller: () => coordinator,
    field: "body.planId",
    target: () => hidden.plan,
    write: async (planId) => ({
      method: "PATCH",
      url: `/api/partnership-goals/${await created(coordinator, "/api/partnership-goals", azeGoal())}`,
      body: { planId },
    }),
  },
  {
    name: "a new annual programme's plan",
    caller: () => coordinator,
    field: "body.planId",
    target: () => hidden.plan,
    write: async (planId) => ({
      method: "POST",
      url: "/api/annual-programmes",
      body: azeProgramme({ planId }),
    }),
  },
  {
    name: "an edited annual programme's plan",
    caller: () => coordinator,
    field: "body.planId",
    target: () => hidden.plan,
    write: async (planId) => ({
      method: "PATCH",
      url: `/api/annual-programmes/${await created(coordinator, "/api/annual-programmes", azeProgramme())}`,
      body: { planId },
    }),
  },
  {
    name: "an edited plan's framework document",
    caller: () => coordinator,
    field: "body.frameworkDocumentId",
    target: () => hidden.framework,
    write: async (frameworkDocumentId) => ({
      method: "PATCH",
      url: `/api/plans/${await created(coordinator, "/api/plans", {
        code: `SW-P-${next()}`,
        title: "Scope-write plan",
        kind: "individually_tailored_partnership_programme",
        nationId: ids.AZE,
      })}`,
      body: { frameworkDocumentId },
    }),
  },
  {
    name: "a partnership goal's activity",
    caller: () => coordinator,
    field: "body.activityId",
    target: () => hidden.activity,
    write: async (activityId) => ({
      method: "POST",
      url: `/api/partnership-goals/${await created(coordinator, "/api/partnership-goals", azeGoal())}/activities`,
      body: { activityId },
    }),
  },
  ...(["activityId", "eventId"] as const).flatMap((field): LinkWrite[] => [
    {
      name: `a new meeting's ${field}`,
      caller: () => coordinator,
      field: `body.${field}`,
      target: () => (field === "activityId" ? hidden.activity : hidden.event),
      write: async (linkId) => ({
        method: "POST",
        url: "/api/meetings",
        body: { seriesId: await azeSeries(), startsOn: "2027-06-01", endsOn: "2027-06-02", [field]: linkId },
      }),
    },
    {
      name: `an edited meeting's ${field}`,
      caller: () => coordinator,
      field: `body.${field}`,
      target: () => (field === "activityId" ? hidden.activity : hidden.event),
      write: async (linkId) => ({
        method: "PATCH",
        url: `/api/meetings/${await created(coordinator, "/api/meetings", {
          seriesId: await azeSeries(),
          startsOn: "2027-06-01",
          endsOn: "2027-06-02",
        })}`,
        body: { [field]: linkId },
      }),
    },
  ]),
  {
    name: "a new exercise's activity",
    caller: () => organiser,
    field: "body.activityId",
    target: () => hidden.activity,
    write: async (activityId) => ({ method: "POST", url: "/api/exercises", body: exercise({ activityId }) }),
  },
  {
    name: "an edited exercise's activity",
    caller: () => organiser,
    field: "body.activityId",
    target: () => hidden.activity,
    write: async (activityId) => ({
      method: "PATCH",
      url: `/api/exercises/${await created(organiser, "/api/exercises", exercise())}`,
      body: { activityId },
    }),
  },
];

const send = (agent: Agent, write: Write) =>
  write.method === "POST"
    ? agent.post(write.url, write.body)
    : write.method === "PATCH"
      ? agent.patch(write.url, write.body)
      : agent.put(write.url, write.body);
const answer = (reply: { status: number; body: Record<string, unknown> }) => {
  const { requestId: _requestId, ...rest } = reply.body;
  return { status: reply.status, ...rest } as { status: number; fields?: unknown };
};

describe.each(LINKS)("a link from $name", (link) => {
  it("answers a hidden record exactly like an id that does not exist, and links to neither", async () => {
    const agent = link.caller();
    const toHidden = answer(await send(agent, await link.write(link.target())));
    const toRandom = answer(await send(agent, await link.write(randomUUID())));
    expect(toHidden.status).toBeGreaterThanOrEqual(400);
    expect(toHidden.status).toBeLessThan(500);
    expect(toHidden).toEqual(toRandom);
    expect(JSON.stringify(toHidden.fields)).toContain(link.field);
  });
});

// ---------------------------------------------------------------------------------------------- owners
interface OwnerWrite {
  name: string;
  caller: () => Agent;
  field: "body.ownerNationId" | "body.ownerOrganisationId";
  write: () => Write;
  /** The same write with owners the caller holds: accepted, so the refusal is about the owner alone. */
  allowed: () => Write;
}

const OWNERS: OwnerWrite[] = [
  {
    name: "a coordinator's framework co-owned by another organisation",
    caller: () => coordinator,
    field: "body.ownerOrganisationId",
    write: () => ({
      method: "POST",
      url: "/api/frameworks",
      body: {
        nationId: ids.AZE,
        title: "Co-owned",
        kind: "framework_document",
        ownerOrganisationId: ids.ACT,
      },
    }),
    allowed: () => ({
      method: "POST",
      url: "/api/frameworks",
      body: { nationId: ids.AZE, title: "Own", kind: "framework_document" },
    }),
  },
  {
    name: "an organiser's activity owned by another nation",
    caller: () => organiser,
    field: "body.ownerNationId",
    write: () => ({
      method: "POST",
      url: "/api/activities",
      body: {
        code: `SW-A-${next()}`,
        titleEn: "Owned by Georgia",
        kind: "seminar",
        menuYear: 2027,
        organiserId: ids["AZE-NDU"],
        ownerNationId: ids.GEO,
      },
    }),
    allowed: () => ({
      method: "POST",
      url: "/api/activities",
      body: {
        code: `SW-A-${next()}`,
        titleEn: "Own",
        kind: "seminar",
        menuYear: 2027,
        organiserId: ids["AZE-NDU"],
      },
    }),
  },
  {
    name: "an organiser's exercise co-owned by a nation they do not coordinate",
    caller: () => organiser,
    field: "body.ownerNationId",
    write: () => ({ method: "POST", url: "/api/exercises", body: exercise({ ownerNationId: ids.AZE }) }),
    allowed: () => ({ method: "POST", url: "/api/exercises", body: exercise() }),
  },
  {
    name: "a coordinator's meeting series co-owned by another organisation",
    caller: () => coordinator,
    field: "body.ownerOrganisationId",
    write: () => ({
      method: "POST",
      url: "/api/meeting-series",
      body: {
        code: `SW-MS-${next()}`,
        kind: "expert_consultation",
        titleEn: "Co-owned",
        ownerNationId: ids.AZE,
        ownerOrganisationId: ids["NATO-SCHOOL"],
      },
    }),
    allowed: () => ({
      method: "POST",
      url: "/api/meeting-series",
      body: { code: `SW-MS-${next()}`, kind: "expert_consultation", titleEn: "Own", ownerNationId: ids.AZE },
    }),
  },
  {
    name: "a coordinator's plan co-owned by another organisation",
    caller: () => coordinator,
    field: "body.ownerOrganisationId",
    write: () => ({
      method: "POST",
      url: "/api/plans",
      body: {
        code: `SW-P-${next()}`,
        title: "Co-owned",
        kind: "individually_tailored_partnership_programme",
        nationId: ids.AZE,
        ownerOrganisationId: ids["AZE-NDU"],
      },
    }),
    allowed: () => ({
      method: "POST",
      url: "/api/plans",
      body: {
        code: `SW-P-${next()}`,
        title: "Own",
        kind: "individually_tailored_partnership_programme",
        nationId: ids.AZE,
      },
    }),
  },
];

describe.each(OWNERS)("$name", (owner) => {
  it("is refused naming the owner outside the writer's scope, and the same record with their own owners is not", async () => {
    const refused = await send(owner.caller(), owner.write());
    expect(refused.status).toBe(403);
    expect(refused.body.fields).toEqual([{ field: owner.field, message: "not in your scope" }]);
    const accepted = await send(owner.caller(), owner.allowed());
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(201);
  });
});

// ---------------------------------------------------------------------------------------------- read scope
interface ScopeWrite {
  name: string;
  caller: () => Promise<Agent>;
  /** The write that would widen someone's read scope to the canary. */
  write: (caller: Agent) => Promise<Write>;
  /** Who would gain: the caller (by default) or another user. */
  gainer?: () => Promise<Agent>;
  /** The canary record the gainer must still not see afterwards. */
  canary: () => string;
}

const personOf = async (agent: Agent) => (await agent.get("/api/auth/session")).body.user.personId as string;
const geoPersonRecord = () => `/api/people/${hidden.person}`;

const SCOPE: ScopeWrite[] = [
  {
    name: "moving one's own linked person to another nation",
    caller: async () => coordinator,
    write: async (caller) => ({
      method: "PATCH",
      url: `/api/people/${await personOf(caller)}`,
      body: { nationId: ids.GEO },
    }),
    canary: geoPersonRecord,
  },
  {
    name: "affiliating one's own linked person to another organisation",
    caller: async () => coordinator,
    write: async (caller) => ({
      method: "POST",
      url: `/api/people/${await personOf(caller)}/affiliations`,
      body: { organisationId: ids["NATO-SCHOOL"] },
    }),
    canary: () => `/api/people/${hidden.schoolPerson}`,
  },
  {
    name: "moving another user's linked person to another nation",
    caller: async () =>
      t.signIn({
        role: "national_coordinator",
        nation: "AZE",
        extraRoles: [{ role: "national_coordinator", nation: "GEO" }],
      }),
    gainer: async () => participant,
    write: async () => ({
      method: "PATCH",
      url: `/api/people/${await personOf(participant)}`,
      body: { nationId: ids.GEO },
    }),
    canary: geoPersonRecord,
  },
  {
    name: "granting oneself the other nation's coordinator role",
    caller: async () => coordinator,
    write: async (caller) => ({
      method: "POST",
      url: `/api/admin/users/${caller.userId}/roles`,
      body: { role: "national_coordinator", nationId: ids.GEO },
    }),
    canary: geoPersonRecord,
  },
  {
    name: "releasing the other nation's record to one's own nation",
    caller: async () => coordinator,
    write: async () => ({
      method: "PATCH",
      url: `/api/people/${hidden.person}`,
      body: { releaseNationIds: [ids.AZE] },
    }),
    canary: geoPersonRecord,
  },
];
let participant: Agent;

describe.each(SCOPE)("$name", (scope) => {
  beforeAll(async () => {
    participant ??= await t.signIn({ role: "participant", personNation: "AZE" });
    if (!hidden.schoolPerson) {
      hidden.schoolPerson = (
        await t.db
          .insertInto("person")
          .values({
            givenName: "Hidden",
            familyName: `School person ${next()}`,
            nationId: ids.GEO!,
            ownerOrganisationId: ids["NATO-SCHOOL"]!,
            releasability: "restricted",
          })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
    }
  });

  it("is refused and widens nobody's access", async () => {
    const caller = await scope.caller();
    const gainer = scope.gainer ? await scope.gainer() : caller;
    expect((await gainer.get(scope.canary())).status).toBe(404);
    const reply = await send(caller, await scope.write(caller));
    expect([403, 404]).toContain(reply.status);
    expect((await gainer.get(scope.canary())).status).toBe(404);
  });
});

describe("the reviewer of an accreditation", () => {
  it("is never named by the applicant, on creation or after", async () => {
    const centre = await t.signIn({ role: "organiser", organisation: "AZE-SSS-ATTC" });
    const centreId = await t.organisationId("AZE-SSS-ATTC");
    const named = await centre.post("/api/training/accreditation", {
      centreId,
      kind: "partnership_training_centre_recognition",
      reviewingOrganisationId: centreId,
    });
    expect(named.status).toBe(403);
    expect(named.body.fields[0].field).toBe("body.reviewingOrganisationId");
    const list = await admin.get("/api/training/accreditation?kind=accreditation");
    const attc = list.body.items.find((a: { centre: { code: string } }) => a.centre.code === "AZE-SSS-ATTC");
    const moved = await centre.put(`/api/training/accreditation/${attc.id}/reviewer`, {
      reviewingOrganisationId: centreId,
    });
    expect(moved.status).toBe(403);
    expect((await admin.get(`/api/training/accreditation/${attc.id}`)).body.reviewingOrganisationId).toBe(
      ids.ACT,
    );
  });
});
