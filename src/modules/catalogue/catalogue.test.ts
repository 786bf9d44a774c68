import { CamelCasePlugin, Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, createTestApp, type TestApp } from "../../../test/support/test-app.js";
import { createPool, withErrorListeners } from "../../db/database.js";
import type { DB } from "../../db/schema/index.js";
import { ANONYMOUS } from "../../platform/access/viewer.js";
import { searchActivities } from "./catalogue.queries.js";
import { sampleEmail } from "./catalogue.seed.js";

let t: TestApp;
let organiser: Agent;
let coordinator: Agent;
let crevalId: string;
let crevalEventId: string;

const personId = async (given: string, family: string) =>
  (
    await t.db
      .selectFrom("person")
      .select("id")
      .where("email", "=", sampleEmail(given, family))
      .executeTakeFirstOrThrow()
  ).id;

const codes = (reply: { body: { items: { code: string }[] } }) => reply.body.items.map((item) => item.code);

beforeAll(async () => {
  t = await createTestApp();
  await t.seed();
  organiser = await t.signIn({ role: "organiser", organisation: "NATO-SCHOOL" });
  coordinator = await t.signIn({ role: "national_coordinator", nation: "AZE" });
  const creval = await t.db
    .selectFrom("activity")
    .select("id")
    .where("code", "=", "CREVAL-2027")
    .executeTakeFirstOrThrow();
  crevalId = creval.id;
  crevalEventId = (
    await t.db.selectFrom("event").select("id").where("activityId", "=", crevalId).executeTakeFirstOrThrow()
  ).id;
});
afterAll(() => t.close());

describe("demo data", () => {
  it("has the CREVAL course in Baku: NATO School, War Games Centre, one week, English, 39 seats", async () => {
    const reply = await coordinator.get(`/api/activities/${crevalId}`);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      code: "CREVAL-2027",
      kind: "course",
      city: "Baku",
      languages: ["en"],
      capacity: 39,
      status: "published",
      organiser: { code: "NATO-SCHOOL" },
      hostInstitution: { code: "AZE-NDU-WGC" },
      hostNation: { code: "AZE" },
    });
    expect(reply.body.events[0]).toMatchObject({
      startsOn: "2027-03-08",
      endsOn: "2027-03-12",
      capacity: 39,
    });
  });

  it("has Cooperative Determination 2001 in November 2001 and a 2027 menu of more than 200 activities", async () => {
    const cd = await t.anonymous.get("/api/activities?q=CD-2001");
    expect(codes(cd)).toContain("CD-2001");
    const menu = await coordinator.get("/api/activities?year=2027&limit=1");
    expect(menu.body.total).toBeGreaterThanOrEqual(200);
    expect(menu.body.facets.area).toHaveLength(18);
  });

  it("seeds idempotently", async () => {
    const before = await t.db
      .selectFrom("activity")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    await t.seed();
    const after = await t.db
      .selectFrom("activity")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});

describe("search", () => {
  it("finds the CREVAL course in English, Azerbaijani (with or without accents) and Russian, regardless of case", async () => {
    for (const q of [
      "combat readiness evaluation",
      "EVALUATIONS",
      "Döyüş hazırlığının",
      "doyus hazirliginin",
      "оценки боевой готовности",
      "ОЦЕНКА БОЕВОЙ ГОТОВНОСТИ",
      "курс",
    ]) {
      const reply = await t.anonymous.get(`/api/activities?q=${encodeURIComponent(q)}&limit=100`);
      expect(reply.status, q).toBe(200);
      expect(codes(reply), q).toContain("CREVAL-2027");
    }
  });

  it("finds Russian titles of the generated menu by a lower-case Russian word", async () => {
    const reply = await t.anonymous.get(
      `/api/activities?q=${encodeURIComponent("киберинциденты")}&limit=100`,
    );
    expect(reply.body.total).toBeGreaterThan(0);
    for (const item of reply.body.items) expect(item.titleRu.toLowerCase()).toContain("киберинцидент");
  });

  it("combines filters and gives facet counts that add up to the total", async () => {
    const reply = await t.anonymous.get("/api/activities?year=2027&area=cyber_defence&limit=100");
    expect(reply.body.total).toBeGreaterThan(0);
    for (const item of reply.body.items) expect(item.areas).toContain("cyber_defence");
    const kindSum = reply.body.facets.kind.reduce(
      (sum: number, bucket: { count: number }) => sum + bucket.count,
      0,
    );
    expect(kindSum).toBe(reply.body.total);
    // The area facet ignores its own filter so the other areas stay selectable.
    expect(reply.body.facets.area.length).toBeGreaterThan(1);
    const courses = await t.anonymous.get("/api/activities?year=2027&kind=course&language=ru&limit=100");
    expect(courses.body.total).toBeGreaterThan(0);
    for (const item of courses.body.items) {
      expect(item.kind).toBe("course");
      expect(item.languages).toContain("ru");
    }
  });

  it("filters by date range, free seats and eligibility of the caller's nation", async () => {
    const march = await t.anonymous.get("/api/activities?from=2027-03-01&to=2027-03-31&limit=100");
    expect(codes(march)).toContain("CREVAL-2027");
    expect(march.body.total).toBeGreaterThan(0);
    for (const item of march.body.items) {
      expect(item.firstStartsOn <= "2027-03-31").toBe(true);
      expect(item.lastEndsOn >= "2027-03-01").toBe(true);
    }
    const free = await coordinator.get(
      "/api/activities?hasFreeSeats=true&eligibleForMyNation=true&year=2027&limit=100",
    );
    expect(free.status).toBe(200);
    // Azerbaijan is a partner: nothing for alliance members only.
    for (const item of free.body.items) expect(item.eligibility).not.toBe("alliance_members");
    expect(free.body.total).toBeGreaterThan(0);
  });

  it("keeps restricted activities out of results, facets, counts and detail for those not entitled", async () => {
    const turkey = await t.nationId("TUR");
    const created = await organiser.post("/api/activities", {
      code: "SECRET-AREA-2027",
      titleEn: "Zymurgy restricted seminar",
      kind: "seminar",
      menuYear: 2027,
      areas: ["maritime_security"],
      organiserId: await t.organisationId("NATO-SCHOOL"),
      releasability: "restricted",
      releaseNationIds: [turkey],
    });
    expect(created.status).toBe(201);
    await organiser.post(`/api/activities/${created.body.id}/status`, { status: "published" });

    const tur = await t.signIn({ role: "national_coordinator", nation: "TUR" });
    const seen = await tur.get("/api/activities?q=zymurgy");
    expect(codes(seen)).toEqual(["SECRET-AREA-2027"]);

    for (const agent of [coordinator, t.anonymous]) {
      const hidden = await agent.get("/api/activities?q=zymurgy");
      expect(hidden.body.total).toBe(0);
      expect(hidden.body.items).toEqual([]);
      expect(hidden.body.facets.kind).toEqual([]);
      expect((await agent.get(`/api/activities/${created.body.id}`)).status).toBe(404);
    }
    const withIt = await tur.get("/api/activities?year=2027&area=maritime_security&limit=1");
    const without = await coordinator.get("/api/activities?year=2027&area=maritime_security&limit=1");
    expect(withIt.body.total - without.body.total).toBe(1);
    const facet = (reply: typeof withIt) =>
      reply.body.facets.area.find((bucket: { value: string }) => bucket.value === "maritime_security").count;
    expect(facet(withIt) - facet(without)).toBe(1);
  });

  it("shows drafts only to their organisers", async () => {
    const draft = await t.db
      .selectFrom("activity")
      .select(["id", "code"])
      .where("status", "=", "draft")
      .where("code", "like", "M27-%")
      .executeTakeFirstOrThrow();
    expect((await coordinator.get(`/api/activities/${draft.id}`)).status).toBe(404);
    const admin = await t.signIn({ role: "administrator" });
    expect((await admin.get(`/api/activities/${draft.id}`)).status).toBe(200);
  });

  it("reuses a repeated search's page, total and facets, yet shows every change at once, free seats included", async () => {
    const statements: string[] = [];
    const pool = createPool(t.config.databaseUrl!, 2);
    const db = new Kysely<DB>({
      dialect: new PostgresDialect({ pool }),
      plugins: [new CamelCasePlugin()],
      log: (event) => {
        if (event.level === "query") statements.push(event.query.sql);
      },
    });
    const heavy = () => statements.filter((text) => text.includes("cand as materialized")).length;
    const query = { q: "CREVAL", limit: 5 };
    try {
      const first = await searchActivities(db, ANONYMOUS, query);
      const again = await searchActivities(db, ANONYMOUS, query);
      expect(heavy()).toBe(1);
      expect(again).toEqual(first);
      const creval = () => again.items.find((item) => item.id === crevalId)!;
      expect(creval().code).toBe("CREVAL-2027");

      // A seat taken (here straight in the database, as another instance would) shows without a new search.
      const taker = await t.db
        .selectFrom("person")
        .select(["id", "nationId"])
        .where(
          "id",
          "not in",
          t.db.selectFrom("nomination").select("personId").where("eventId", "=", crevalEventId),
        )
        .executeTakeFirstOrThrow();
      const seat = await t.db
        .insertInto("nomination")
        .values({ eventId: crevalEventId, personId: taker.id, nationId: taker.nationId, status: "accepted" })
        .returning("id")
        .executeTakeFirstOrThrow();
      const afterSeat = await searchActivities(db, ANONYMOUS, query);
      expect(heavy()).toBe(1);
      expect(afterSeat.items.find((item) => item.id === crevalId)!.freeSeats).toBe(creval().freeSeats! - 1);
      await t.db.deleteFrom("nomination").where("id", "=", seat.id).execute();

      // A changed activity renews the catalogue generation: the search runs again and sees the change.
      await t.db
        .updateTable("activity")
        .set({ titleEn: "Combat readiness evaluators, renamed" })
        .where("id", "=", crevalId)
        .execute();
      const renamed = await searchActivities(db, ANONYMOUS, query);
      expect(heavy()).toBe(2);
      expect(renamed.items.find((item) => item.id === crevalId)!.titleEn).toBe(
        "Combat readiness evaluators, renamed",
      );
      await t.db
        .updateTable("activity")
        .set({ titleEn: creval().titleEn })
        .where("id", "=", crevalId)
        .execute();

      // Another viewer's search is another entry: what a restricted reader sees is never served to others.
      const signedIn = { ...ANONYMOUS, userId: "00000000-0000-0000-0000-000000000001" };
      await searchActivities(db, ANONYMOUS, query);
      expect(heavy()).toBe(3);
      await searchActivities(db, signedIn, query);
      await searchActivities(db, signedIn, query);
      await searchActivities(db, ANONYMOUS, query);
      expect(heavy()).toBe(4);
      // Free-seat searches depend on nominations and are never reused.
      await searchActivities(db, ANONYMOUS, { ...query, hasFreeSeats: true });
      await searchActivities(db, ANONYMOUS, { ...query, hasFreeSeats: true });
      expect(heavy()).toBe(6);
      expect(statements.length).toBeGreaterThan(heavy());
    } finally {
      await db.destroy();
    }
  });
});

describe("search facts (first start, last end, event count, areas)", () => {
  it("follow every change to events and areas, in the listing, the order and the area facet", async () => {
    const organiserId = await t.organisationId("NATO-SCHOOL");
    const make = async (code: string) => {
      const reply = await organiser.post("/api/activities", {
        code,
        titleEn: `Facts ${code}`,
        kind: "seminar",
        menuYear: 2031,
        areas: ["logistics"],
        organiserId,
      });
      expect(reply.status).toBe(201);
      await organiser.post(`/api/activities/${reply.body.id}/status`, { status: "published" });
      return reply.body.id as string;
    };
    const early = await make("FACTS-EARLY-2031");
    const late = await make("FACTS-LATE-2031");
    const listing = async (extra = "&sort=startsOn") => {
      const reply = await organiser.get(`/api/activities?year=2031&q=FACTS${extra}`);
      expect(reply.status).toBe(200);
      return reply.body as {
        items: {
          code: string;
          firstStartsOn: string | null;
          lastEndsOn: string | null;
          eventCount: number;
          areas: string[];
        }[];
        facets: { area: { value: string; count: number }[] };
      };
    };
    // Without events, both sort last (nulls last) by code.
    expect((await listing()).items.map((item) => item.code)).toEqual(["FACTS-EARLY-2031", "FACTS-LATE-2031"]);

    const lateEvent = await organiser.post(`/api/activities/${late}/events`, {
      startsOn: "2031-02-02",
      endsOn: "2031-02-06",
    });
    const earlyEvent = await organiser.post(`/api/activities/${early}/events`, {
      startsOn: "2031-05-04",
      endsOn: "2031-05-08",
    });
    await organiser.post(`/api/activities/${early}/events`, { startsOn: "2031-09-01", endsOn: "2031-09-03" });
    let found = await listing();
    expect(
      found.items.map((item) => [item.code, item.firstStartsOn, item.lastEndsOn, item.eventCount]),
    ).toEqual([
      ["FACTS-LATE-2031", "2031-02-02", "2031-02-06", 1],
      ["FACTS-EARLY-2031", "2031-05-04", "2031-09-03", 2],
    ]);

    // Moving and cancelling events move the dates; a cancelled event still counts as an event.
    expect(
      (
        await organiser.patch(`/api/events/${earlyEvent.body.id}`, {
          startsOn: "2031-01-10",
          endsOn: "2031-01-12",
        })
      ).status,
    ).toBe(200);
    expect((await listing()).items[0]).toMatchObject({
      code: "FACTS-EARLY-2031",
      firstStartsOn: "2031-01-10",
    });
    expect(
      (await organiser.post(`/api/events/${lateEvent.body.id}/cancel`, { reason: "Venue unavailable" }))
        .status,
    ).toBe(200);
    found = await listing("&sort=-startsOn");
    expect(found.items.map((item) => [item.code, item.firstStartsOn, item.eventCount])).toEqual([
      ["FACTS-EARLY-2031", "2031-01-10", 2],
      ["FACTS-LATE-2031", null, 1],
    ]);

    // Areas: the listing, the filter and the facet follow an update.
    expect(
      (await organiser.patch(`/api/activities/${late}`, { areas: ["cyber_defence", "logistics"] })).status,
    ).toBe(200);
    const audited = await t.db
      .selectFrom("auditEntry")
      .select("diff")
      .where("recordId", "=", late)
      .where("action", "=", "activity.update")
      .orderBy("seq", "desc")
      .executeTakeFirstOrThrow();
    expect(audited.diff).toEqual({
      before: { areas: ["logistics"] },
      after: { areas: ["cyber_defence", "logistics"] },
    });
    found = await listing();
    expect(found.items.find((item) => item.code === "FACTS-LATE-2031")!.areas).toEqual([
      "cyber_defence",
      "logistics",
    ]);
    expect(found.facets.area.find((bucket) => bucket.value === "cyber_defence")?.count).toBe(1);
    expect(found.facets.area.find((bucket) => bucket.value === "logistics")?.count).toBe(2);
    expect((await listing("&sort=startsOn&area=cyber_defence")).items.map((item) => item.code)).toEqual([
      "FACTS-LATE-2031",
    ]);
  });

  it("order 'upcoming': not ended yet soonest first, then ended ones most recent first, undated last", async () => {
    const organiserId = await t.organisationId("NATO-SCHOOL");
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const year = new Date().getUTCFullYear();
    // [code, events as [start, end] offsets in days from today]
    const plan: [string, [number, number][]][] = [
      ["UPC-LONG-AGO", [[-400, -396]]],
      ["UPC-LATER", [[60, 64]]],
      ["UPC-UNDATED", []],
      ["UPC-RECENT", [[-30, -26]]],
      ["UPC-SOON", [[10, 14]]],
      // First event long past, the second still to come: it has not ended.
      [
        "UPC-RUNNING",
        [
          [-200, -196],
          [40, 44],
        ],
      ],
    ];
    for (const [code, events] of plan) {
      const reply = await organiser.post("/api/activities", {
        code,
        titleEn: `Upcoming order ${code}`,
        kind: "seminar",
        menuYear: year,
        organiserId,
      });
      expect(reply.status).toBe(201);
      await organiser.post(`/api/activities/${reply.body.id}/status`, { status: "published" });
      // loop runs: each fixture lists its events literally
      for (const [from, to] of events) {
        const event = await organiser.post(`/api/activities/${reply.body.id}/events`, {
          startsOn: day(from),
          endsOn: day(to),
        });
        expect(event.status).toBe(201);
      }
    }
    const reply = await organiser.get("/api/activities?q=UPC&sort=upcoming&limit=20");
    expect(reply.status).toBe(200);
    expect(codes(reply)).toEqual([
      "UPC-SOON",
      "UPC-RUNNING",
      "UPC-LATER",
      "UPC-RECENT",
      "UPC-LONG-AGO",
      "UPC-UNDATED",
    ]);
  });

  it("stay right when two transactions add events to one activity at once", async () => {
    const facts = () =>
      t.db
        .selectFrom("activitySearchFacts")
        .select(["firstStartsOn", "lastEndsOn", "eventCount"])
        .where("activityId", "=", crevalId)
        .executeTakeFirstOrThrow();
    const before = await facts();
    const pool = withErrorListeners(new pg.Pool({ connectionString: t.config.databaseUrl, max: 3 }));
    const first = await pool.connect();
    const second = await pool.connect();
    try {
      await first.query("begin");
      await second.query("begin");
      await first.query(
        "insert into event (activity_id, starts_on, ends_on) values ($1, '2020-01-06', '2020-01-07')",
        [crevalId],
      );
      // The second waits for the first's facts row, then recomputes from a snapshot that sees the first's event.
      const waiting = second.query(
        "insert into event (activity_id, starts_on, ends_on) values ($1, '2040-01-06', '2040-01-07')",
        [crevalId],
      );
      await first.query("commit");
      await waiting;
      await second.query("commit");
      expect(await facts()).toMatchObject({
        firstStartsOn: "2020-01-06",
        lastEndsOn: "2040-01-07",
        eventCount: before.eventCount + 2,
      });
      await t.db
        .deleteFrom("event")
        .where("activityId", "=", crevalId)
        .where("startsOn", "in", ["2020-01-06", "2040-01-06"])
        .execute();
      expect(await facts()).toEqual(before);

      // A missing facts row (never left by the triggers) leaves the activity readable and findable.
      await t.db.deleteFrom("activitySearchFacts").where("activityId", "=", crevalId).execute();
      const detail = await coordinator.get(`/api/activities/${crevalId}`);
      expect(detail.status).toBe(200);
      expect(detail.body).toMatchObject({
        code: "CREVAL-2027",
        areas: [],
        eventCount: 0,
        firstStartsOn: null,
      });
      expect(codes(await coordinator.get("/api/activities?q=CREVAL-2027"))).toContain("CREVAL-2027");
      await sql`select accord_refresh_activity_search_facts(array[${crevalId}]::uuid[])`.execute(t.db);
      expect(await facts()).toEqual(before);
    } finally {
      first.release();
      second.release();
      await pool.end();
    }
  });
});

describe("catalogue generation", () => {
  it("lets two writers touch an activity and an event in opposite orders without a deadlock, and renews the token once each", async () => {
    const token = async () =>
      (await t.db.selectFrom("catalogueGeneration").select("token").executeTakeFirstOrThrow()).token;
    const before = await token();
    const pool = withErrorListeners(new pg.Pool({ connectionString: t.config.databaseUrl, max: 3 }));
    const first = await pool.connect();
    const second = await pool.connect();
    try {
      await first.query("begin");
      await second.query("begin");
      await first.query("update activity set city = city where id = $1", [crevalId]);
      await second.query("update event set city = city where id = $1", [crevalEventId]);
      // The first writer now waits for the event row; the second must still be able to commit.
      const waiting = first.query("update event set venue = venue where id = $1", [crevalEventId]);
      await second.query("commit");
      await waiting;
      const between = await token();
      expect(between).not.toBe(before);
      await first.query("commit");
      expect(await token()).not.toBe(between);
    } finally {
      first.release();
      second.release();
      await pool.end();
    }
  });
});

describe("nominations and seats", () => {
  it("lets a coordinator nominate two officers, the organiser accept one and waitlist the other, and the coordinator see both", async () => {
    const kamran = await personId("Kamran", "Mammadov");
    const farid = await personId("Farid", "Hasanov");
    const first = await coordinator.post(`/api/events/${crevalEventId}/nominations`, {
      personId: kamran,
      priority: 1,
    });
    const second = await coordinator.post(`/api/events/${crevalEventId}/nominations`, {
      personId: farid,
      priority: 2,
    });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(first.body).toMatchObject({ status: "nominated", nation: { code: "AZE" }, priority: 1 });
    // The seat-taking statement audits and notifies in the nomination's own transaction.
    const audit = await t.db
      .selectFrom("auditEntry")
      .select(["action", "actorUserId", "diff"])
      .where("recordType", "=", "nomination")
      .where("recordId", "=", first.body.id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "nomination.create",
      actorUserId: coordinator.userId,
      diff: { after: { id: first.body.id, eventId: crevalEventId, personId: kamran, status: "nominated" } },
    });
    const told = await t.db
      .selectFrom("notification")
      .innerJoin("roleAssignment as r", "r.userId", "notification.userId")
      .select(["r.role", "notification.kind", "notification.title"])
      .where("notification.recordId", "=", first.body.id)
      .execute();
    expect(told.map((row) => row.role)).toContain("organiser");
    expect(told.every((row) => row.kind === "nomination.nominated")).toBe(true);
    expect(told[0]?.title).toBe("CREVAL-2027: new nomination");

    const inbox = await organiser.get(
      `/api/nominations?scope=organising&status=nominated&eventId=${crevalEventId}&limit=100`,
    );
    expect(inbox.body.items.map((n: { id: string }) => n.id)).toEqual(
      expect.arrayContaining([first.body.id, second.body.id]),
    );
    const accepted = await organiser.post(`/api/nominations/${first.body.id}/decision`, {
      decision: "accept",
    });
    expect(accepted.body.status).toBe("accepted");
    const waitlisted = await organiser.post(`/api/nominations/${second.body.id}/decision`, {
      decision: "waitlist",
      reason: "Priority 2 of the nation",
    });
    expect(waitlisted.body).toMatchObject({ status: "waitlisted", statusReason: "Priority 2 of the nation" });

    const mine = await coordinator.get(`/api/nominations?eventId=${crevalEventId}&limit=100`);
    const states = Object.fromEntries(
      mine.body.items.map((n: { personId: string; status: string }) => [n.personId, n.status]),
    );
    expect(states).toEqual({ [kamran]: "accepted", [farid]: "waitlisted" });
    // The coordinator sees only their nation's nominations, not the other nations' ones.
    expect(mine.body.items.every((n: { nation: { code: string } }) => n.nation.code === "AZE")).toBe(true);

    const notes = await coordinator.get("/api/notifications?unread=true&limit=100");
    const kinds = notes.body.items.map((n: { kind: string }) => n.kind);
    expect(kinds).toEqual(expect.arrayContaining(["nomination.accepted", "nomination.waitlisted"]));
    const organiserNotes = await organiser.get("/api/notifications?limit=100");
    expect(
      organiserNotes.body.items.filter((n: { kind: string }) => n.kind === "nomination.nominated").length,
    ).toBeGreaterThanOrEqual(2);

    const gauge = await coordinator.get(`/api/events/${crevalEventId}`);
    expect(gauge.body.seats.byNation.map((row: { nation: { code: string } }) => row.nation.code)).toEqual([
      "AZE",
    ]);
    const full = await organiser.get(`/api/events/${crevalEventId}`);
    expect(full.body.seats.byNation.length).toBeGreaterThan(3);
  });

  it("refuses a second nomination of the same person, another nation's person, and nominations by organisers", async () => {
    const kamran = await personId("Kamran", "Mammadov");
    const again = await coordinator.post(`/api/events/${crevalEventId}/nominations`, { personId: kamran });
    expect(again.status).toBe(409);
    expect(again.body.fields[0].field).toBe("body.personId");
    const turk = await personId("Burak", "Sahin");
    expect(
      (await coordinator.post(`/api/events/${crevalEventId}/nominations`, { personId: turk })).status,
    ).toBe(403);
    const samir = await personId("Samir", "Rzayev");
    expect(
      (await organiser.post(`/api/events/${crevalEventId}/nominations`, { personId: samir })).status,
    ).toBe(403);
  });

  it("requires a reason to decline and refuses decisions from coordinators", async () => {
    const list = await coordinator.get(`/api/nominations?eventId=${crevalEventId}&status=waitlisted`);
    const id = list.body.items[0].id;
    const noReason = await organiser.post(`/api/nominations/${id}/decision`, { decision: "decline" });
    expect(noReason.status).toBe(400);
    expect(noReason.body.fields[0].field).toBe("body.reason");
    expect((await coordinator.post(`/api/nominations/${id}/decision`, { decision: "accept" })).status).toBe(
      403,
    );
  });

  it("offers a freed seat to the waitlist in priority order when an accepted nomination is withdrawn", async () => {
    const activity = await organiser.post("/api/activities", {
      code: "PROMO-2027",
      titleEn: "Promotion test course",
      kind: "course",
      menuYear: 2027,
      organiserId: await t.organisationId("NATO-SCHOOL"),
      capacity: 2,
    });
    await organiser.post(`/api/activities/${activity.body.id}/status`, { status: "published" });
    const event = await organiser.post(`/api/activities/${activity.body.id}/events`, {
      startsOn: "2027-09-06",
      endsOn: "2027-09-10",
      acceptance: "first_come",
    });
    const [a, b, c, d] = await Promise.all([
      personId("Nigar", "Guliyeva"),
      personId("Tural", "Ismayilov"),
      personId("Orkhan", "Abbasov"),
      personId("Samir", "Rzayev"),
    ]);
    const nominate = (person: string, priority: number) =>
      coordinator.post(`/api/events/${event.body.id}/nominations`, { personId: person, priority });
    const first = await nominate(a!, 1);
    await nominate(b!, 2);
    const low = await nominate(c!, 9);
    const high = await nominate(d!, 3);
    expect([first.body.status, low.body.status, high.body.status]).toEqual([
      "accepted",
      "waitlisted",
      "waitlisted",
    ]);

    const withdrawn = await coordinator.post(`/api/nominations/${first.body.id}/withdraw`, {
      reason: "Reassigned",
    });
    expect(withdrawn.body.status).toBe("withdrawn");
    // Priority 3 goes before priority 9, although it arrived later.
    const offers = await coordinator.get(`/api/events/${event.body.id}/seat-offers`);
    expect(offers.body.items).toMatchObject([{ nominationId: high.body.id, status: "offered" }]);
    expect((await coordinator.post(`/api/seat-offers/${offers.body.items[0].id}/accept`)).status).toBe(200);
    expect((await coordinator.get(`/api/nominations/${high.body.id}`)).body.status).toBe("accepted");
    expect((await coordinator.get(`/api/nominations/${low.body.id}`)).body.status).toBe("waitlisted");
    const notes = await coordinator.get("/api/notifications?limit=100");
    expect(
      notes.body.items.some(
        (n: { kind: string; recordId: string }) =>
          n.kind === "nomination.offered" && n.recordId === high.body.id,
      ),
    ).toBe(true);
    const audit = await t.db
      .selectFrom("auditEntry")
      .select("action")
      .where("recordId", "=", high.body.id)
      .execute();
    expect(audit.map((row) => row.action)).toContain("nomination.accept");
  });

  it("warns (without refusing) about an overlapping accepted event and a missing prerequisite", async () => {
    const activity = await organiser.post("/api/activities", {
      code: "OVERLAP-2027",
      titleEn: "Overlapping seminar",
      kind: "seminar",
      menuYear: 2027,
      organiserId: await t.organisationId("NATO-SCHOOL"),
      prerequisites: { requiredActivityCodes: ["CREVAL-2026"] },
    });
    await organiser.post(`/api/activities/${activity.body.id}/status`, { status: "published" });
    const event = await organiser.post(`/api/activities/${activity.body.id}/events`, {
      startsOn: "2027-03-10",
      endsOn: "2027-03-11",
    });
    const kamran = await personId("Kamran", "Mammadov");
    const reply = await coordinator.post(`/api/events/${event.body.id}/nominations`, { personId: kamran });
    expect(reply.status).toBe(201);
    expect(reply.body.warnings.map((w: { code: string }) => w.code).sort()).toEqual([
      "overlap",
      "prerequisite",
    ]);
  });

  it("refuses nations that are not eligible", async () => {
    const activity = await organiser.post("/api/activities", {
      code: "MEMBERS-ONLY-2027",
      titleEn: "Members only workshop",
      kind: "workshop",
      menuYear: 2027,
      organiserId: await t.organisationId("NATO-SCHOOL"),
      eligibility: "alliance_members",
    });
    await organiser.post(`/api/activities/${activity.body.id}/status`, { status: "published" });
    const event = await organiser.post(`/api/activities/${activity.body.id}/events`, {
      startsOn: "2027-05-03",
      endsOn: "2027-05-04",
    });
    const reply = await coordinator.post(`/api/events/${event.body.id}/nominations`, {
      personId: await personId("Farid", "Hasanov"),
    });
    expect(reply.status).toBe(422);
  });

  it("records attendance and completion, and reports a person's history and a nation's participation by area", async () => {
    const activity = await organiser.post("/api/activities", {
      code: "PAST-2026",
      titleEn: "Logistics course that has begun",
      kind: "course",
      menuYear: 2026,
      areas: ["logistics"],
      organiserId: await t.organisationId("NATO-SCHOOL"),
    });
    await organiser.post(`/api/activities/${activity.body.id}/status`, { status: "published" });
    const event = await organiser.post(`/api/activities/${activity.body.id}/events`, {
      startsOn: "2026-01-12",
      endsOn: "2026-01-16",
    });
    const person = await personId("Orkhan", "Abbasov");
    const nomination = await coordinator.post(`/api/events/${event.body.id}/nominations`, {
      personId: person,
    });
    expect(
      (
        await coordinator.post(`/api/nominations/${nomination.body.id}/attendance`, {
          attendance: "attended",
        })
      ).status,
    ).toBe(403);
    await organiser.post(`/api/nominations/${nomination.body.id}/decision`, { decision: "accept" });
    const recorded = await organiser.post(`/api/nominations/${nomination.body.id}/attendance`, {
      attendance: "attended",
      completed: true,
    });
    expect(recorded.body).toMatchObject({ attendance: "attended", completed: true });

    const history = await coordinator.get(`/api/people/${person}/participation`);
    expect(
      history.body.find((n: { event: { activityCode: string } }) => n.event.activityCode === "PAST-2026"),
    ).toMatchObject({
      attendance: "attended",
      completed: true,
    });
    const participation = await coordinator.get(
      `/api/nations/${await t.nationId("AZE")}/participation?year=2026`,
    );
    expect(participation.body.byArea.find((row: { area: string }) => row.area === "logistics")).toMatchObject(
      {
        accepted: 1,
        attended: 1,
        completed: 1,
      },
    );
    expect((await coordinator.get(`/api/nations/${await t.nationId("TUR")}/participation`)).status).toBe(403);
  });
});

describe("activities", () => {
  it("copies a recurring activity with its events to a new year as a draft", async () => {
    const copy = await organiser.post(`/api/activities/${crevalId}/copy`, { menuYear: 2028 });
    expect(copy.status).toBe(201);
    expect(copy.body).toMatchObject({
      code: "CREVAL-2028",
      menuYear: 2028,
      status: "draft",
      copiedFromId: crevalId,
      capacity: 39,
    });
    expect(copy.body.events[0]).toMatchObject({ startsOn: "2028-03-08", endsOn: "2028-03-12" });
    expect((await organiser.post(`/api/activities/${crevalId}/copy`, { menuYear: 2028 })).status).toBe(409);
  });

  it("lets only the organisers change an activity, and needs a reason to cancel", async () => {
    expect((await coordinator.patch(`/api/activities/${crevalId}`, { venue: "x" })).status).toBe(403);
    const noReason = await organiser.post(`/api/activities/${crevalId}/status`, { status: "cancelled" });
    expect(noReason.status).toBe(400);
    expect(noReason.body.fields[0].field).toBe("body.reason");
    const badQuota = await organiser.patch(`/api/activities/${crevalId}`, { nationQuota: 40 });
    expect(badQuota.status).toBe(400);
    expect(badQuota.body.fields[0].field).toBe("body.nationQuota");
  });
});

describe("calendar", () => {
  it("lists events between dates and serves a revocable iCalendar feed of a nation", async () => {
    const month = await coordinator.get("/api/calendar?from=2027-03-01&to=2027-03-31");
    expect(month.body.map((entry: { code: string }) => entry.code)).toContain("CREVAL-2027");

    const created = await coordinator.post("/api/calendar/tokens", {
      scope: "nation",
      nationId: await t.nationId("AZE"),
      label: "Azerbaijan",
    });
    expect(created.status).toBe(201);
    const feed = await t.anonymous.get(created.body.url);
    expect(feed.status).toBe(200);
    expect(feed.headers["content-type"]).toContain("text/calendar");
    expect(feed.text.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(feed.text).toContain("SUMMARY:CREVAL-2027 Combat Readiness Evaluation (CREVAL) course");
    expect(feed.text.split("\r\n").every((line) => Buffer.byteLength(line) <= 75)).toBe(true);

    const other = await coordinator.post("/api/calendar/tokens", {
      scope: "nation",
      nationId: await t.nationId("TUR"),
    });
    expect(other.status).toBe(403);

    expect((await coordinator.delete(`/api/calendar/tokens/${created.body.id}`)).status).toBe(204);
    expect((await t.anonymous.get(created.body.url)).status).toBe(404);
    expect((await t.anonymous.get("/api/calendar/not-a-token-at-all-xxxxx.ics")).status).toBe(404);
  });

  it("serves a saved-search feed as its owner sees it", async () => {
    const created = await coordinator.post("/api/calendar/tokens", {
      scope: "search",
      search: { q: "CREVAL", year: 2027 },
    });
    const feed = await t.anonymous.get(created.body.url);
    expect(feed.text.match(/BEGIN:VEVENT/g)).toHaveLength(1);
  });

  it("escapes a bare CR in feed text, so a value cannot start a property of its own", async () => {
    const patched = await organiser.patch(`/api/activities/${crevalId}`, {
      titleEn: `CREVAL course\rX-INJECTED:1\rBEGIN:VALARM ${"long title text ".repeat(5)}`,
      descriptionEn: "First line\rDESCRIPTION:forged\r\nthird\nfourth",
    });
    expect(patched.status).toBe(200);
    const created = await coordinator.post("/api/calendar/tokens", {
      scope: "search",
      search: { q: "CREVAL", year: 2027 },
    });
    const feed = await t.anonymous.get(created.body.url);
    expect(feed.status).toBe(200);
    // Every CR is part of a CRLF line end, and every LF follows a CR.
    expect(feed.text).not.toMatch(/\r(?!\n)/);
    expect(feed.text).not.toMatch(/[^\r]\n/);
    const lines = feed.text.split("\r\n");
    expect(lines.every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    expect(lines.some((line) => line.startsWith("X-INJECTED") || line.startsWith("BEGIN:VALARM"))).toBe(
      false,
    );
    // Unfolded, the values come back whole, with the line breaks escaped.
    const unfolded = feed.text.replace(/\r\n /g, "");
    expect(unfolded).toContain(
      "SUMMARY:CREVAL-2027 CREVAL course\\nX-INJECTED:1\\nBEGIN:VALARM long title text",
    );
    expect(unfolded).toContain("First line\\nDESCRIPTION:forged\\nthird\\nfourth");
  });
});
