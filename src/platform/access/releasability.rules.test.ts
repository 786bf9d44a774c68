import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/test-app.js";
import { canRead, type ReleasableRecord, visibleTo } from "./releasability.js";
import { ANONYMOUS, type RoleGrant, type Viewer } from "./viewer.js";

/**
 * The read rule of releasable records, clause by clause: each record below is readable through exactly one
 * clause, each viewer holds exactly one kind of scope, and the SQL predicate (`visibleTo`) and the JavaScript one
 * (`canRead`) must both give the table written out by hand.
 */
let t: TestApp;
const [N1, N2, N3, O1, O2, O3] = Array.from({ length: 6 }, () => randomUUID()) as [
  string,
  string,
  string,
  string,
  string,
  string,
];

const RECORDS: Record<string, ReleasableRecord> = {
  public: record("public", { ownerNationId: N2 }),
  internal: record("internal", { ownerNationId: N2 }),
  ownedByN1: record("restricted", { ownerNationId: N1 }),
  ownedByO1: record("restricted", { ownerOrganisationId: O1 }),
  releasedToN1: record("restricted", { ownerNationId: N2, releaseNations: [N3, N1] }),
  releasedToO1: record("restricted", { ownerOrganisationId: O2, releaseOrganisations: [O3, O1] }),
  restricted: record("restricted", { ownerNationId: N2, ownerOrganisationId: O2, releaseNations: [N3] }),
};

function record(releasability: ReleasableRecord["releasability"], fields: Partial<ReleasableRecord>) {
  return {
    ownerNationId: null,
    ownerOrganisationId: null,
    releaseNations: [],
    releaseOrganisations: [],
    ...fields,
    releasability,
  };
}

const grant = (
  role: RoleGrant["role"],
  nationId: string | null = null,
  organisationId: string | null = null,
) => ({
  role,
  nationId,
  organisationId,
});
const signedIn = (fields: Partial<Viewer>): Viewer => ({
  ...ANONYMOUS,
  userId: randomUUID(),
  username: "rules",
  ...fields,
});
const participant = grant("participant");

const VIEWERS: Record<string, { viewer: Viewer; reads: string[] }> = {
  anonymous: { viewer: ANONYMOUS, reads: ["public"] },
  "signed in, no scope": { viewer: signedIn({ grants: [participant] }), reads: ["public", "internal"] },
  "of nation N1": {
    viewer: signedIn({ grants: [grant("national_coordinator", N1)], nationIds: [N1] }),
    reads: ["public", "internal", "ownedByN1", "releasedToN1"],
  },
  "of organisation O1": {
    viewer: signedIn({ grants: [grant("organiser", null, O1)], organisationIds: [O1] }),
    reads: ["public", "internal", "ownedByO1", "releasedToO1"],
  },
  "auditor scoped to nation N1": {
    viewer: signedIn({ grants: [grant("auditor", N1)], nationIds: [N1] }),
    reads: ["public", "internal", "ownedByN1", "releasedToN1"],
  },
  "auditor scoped to organisation O1": {
    viewer: signedIn({ grants: [grant("auditor", null, O1)], organisationIds: [O1] }),
    reads: ["public", "internal", "ownedByO1", "releasedToO1"],
  },
  // Each with a second, ordinary grant: one grant that reads everything is enough.
  administrator: {
    viewer: signedIn({ grants: [participant, grant("administrator")] }),
    reads: Object.keys(RECORDS),
  },
  "global auditor": {
    viewer: signedIn({ grants: [participant, grant("auditor")] }),
    reads: Object.keys(RECORDS),
  },
};

beforeAll(async () => {
  t = await createTestApp();
  await sql`create table rules_record (id text primary key, releasability text not null, owner_nation_id uuid,
    owner_organisation_id uuid, release_nations uuid[] not null, release_organisations uuid[] not null)`.execute(
    t.db,
  );
  for (const [id, r] of Object.entries(RECORDS)) {
    await sql`insert into rules_record values (${id}, ${r.releasability}, ${r.ownerNationId}, ${r.ownerOrganisationId},
      ${r.releaseNations}::uuid[], ${r.releaseOrganisations}::uuid[])`.execute(t.db);
  }
});
afterAll(() => t.close());

describe("the read rule of releasable records", () => {
  for (const [name, { viewer, reads }] of Object.entries(VIEWERS)) {
    it(`gives a viewer ${name} exactly the records of their scope, in SQL and in JavaScript`, async () => {
      const rows = await t.db
        .selectFrom("rules_record as r" as any)
        .select(sql<string>`r.id`.as("id"))
        .where(visibleTo(viewer, "r"))
        .execute();
      expect(rows.map((row) => row.id).sort(), "visibleTo").toEqual([...reads].sort());
      const inJavaScript = Object.keys(RECORDS).filter((id) => canRead(viewer, RECORDS[id]!));
      expect(inJavaScript.sort(), "canRead").toEqual([...reads].sort());
    });
  }
});
