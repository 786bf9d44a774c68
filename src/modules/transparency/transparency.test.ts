import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, createTestApp, type TestApp } from "../../../test/support/test-app.js";
import { loadConfig } from "../../config.js";
import { generateSigningKeyPem, headProblem, parsePrivateKey, type SignedHead } from "./heads.js";
import { verifyFiles } from "./verify.js";

/** Two instances of one log (same key and origin, databases cloned from one template) and a witness of it. */
const KEY = generateSigningKeyPem();
const ORIGIN = "https://log-a.example";
const PUBLIC_KEY = parsePrivateKey(KEY).publicKey;
const defaults = loadConfig({}).transparency;
const logConfig = { ...defaults, signingKey: KEY, origin: ORIGIN, trustedLogs: [] };

let a: TestApp;
let b: TestApp;
let w: TestApp;
let admin: Agent;
let witnessAdmin: Agent;
let globalAuditor: Agent;
let azeAuditor: Agent;
let geoAuditor: Agent;
let restrictedSeq: number;
let nationSeq: number;

async function createNations(agent: Agent, codes: string[]) {
  for (const code of codes) {
    const reply = await agent.post("/api/nations", {
      code,
      nameEn: code,
      nameAz: code,
      nameRu: code,
      nonIsoCode: true,
    });
    expect(reply.status, reply.text).toBe(201);
  }
}

beforeAll(async () => {
  a = await createTestApp({ transparency: logConfig });
  b = await createTestApp({ transparency: logConfig });
  w = await createTestApp({
    transparency: {
      ...defaults,
      signingKey: generateSigningKeyPem(),
      origin: "https://witness.example",
      trustedLogs: [{ origin: ORIGIN, publicKey: PUBLIC_KEY }],
    },
  });
  // The witness's administrator exists before any alarm, so that the alarm's notice reaches them.
  witnessAdmin = await w.signIn({ role: "administrator" });
  await a.seed();
  admin = await a.signIn({ role: "administrator" });
  globalAuditor = await a.signIn({ role: "auditor" });
  azeAuditor = await a.signIn({ role: "auditor", nation: "AZE" });
  geoAuditor = await a.signIn({ role: "auditor", nation: "GEO" });
  await createNations(admin, ["QTA", "QTB", "QTC"]);
  // An entry about a restricted annual programme of Azerbaijan (written as a service would, behind the API).
  const programme = await a.db
    .selectFrom("annualProgramme")
    .select("id")
    .where("ownerNationId", "=", await a.nationId("AZE"))
    .where("releasability", "=", "restricted")
    .where(sql<boolean>`cardinality(release_nations) = 0`)
    .executeTakeFirstOrThrow();
  await a.db
    .insertInto("auditEntry")
    .values({
      actorLabel: "test",
      action: "annual_programme.update",
      recordType: "annual_programme",
      recordId: programme.id,
      diff: JSON.stringify({ after: { title: "changed" } }),
    })
    .execute();
  const seqOf = async (action: string) =>
    Number(
      (
        await a.db
          .selectFrom("auditEntry")
          .select("seq")
          .where("action", "=", action)
          .orderBy("seq", "desc")
          .executeTakeFirstOrThrow()
      ).seq,
    );
  restrictedSeq = await seqOf("annual_programme.update");
  nationSeq = await seqOf("nation.create");
});
afterAll(async () => {
  await Promise.all([a?.close(), b?.close(), w?.close()]);
});

const entries = async (t: TestApp) =>
  Number(
    (
      await t.db
        .selectFrom("auditEntry")
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe("signed tree heads and proofs", () => {
  it("publishes a head signed by the configured key over every entry, to anyone", async () => {
    const reply = await a.anonymous.get("/api/transparency/sth");
    expect(reply.status, reply.text).toBe(200);
    const head = reply.body as SignedHead;
    expect(head).toMatchObject({ origin: ORIGIN, publicKey: PUBLIC_KEY, treeSize: await entries(a) });
    expect(headProblem(head)).toBeNull();
    expect(headProblem({ ...head, treeSize: head.treeSize - 1 })).toBe("its signature does not verify");
    const again = await a.anonymous.get(`/api/transparency/sth/${head.treeSize}`);
    expect(again.body).toEqual(head);
    expect((await a.anonymous.get("/api/transparency/sth/999999")).status).toBe(404);
    const keys = await a.anonymous.get("/api/transparency/keys");
    expect(keys.body.map((k: { publicKey: string }) => k.publicKey)).toEqual([PUBLIC_KEY]);
  });

  it("proves an entry's inclusion and the log's growth, and the proofs verify offline", async () => {
    const proof = await globalAuditor.get(`/api/transparency/inclusion/${nationSeq}`);
    expect(proof.status, proof.text).toBe(200);
    expect(proof.body.leafIndex).toBe(nationSeq - 1);
    expect(Object.keys(proof.body).sort()).toEqual(
      ["chainHash", "head", "leafHash", "leafIndex", "proof", "seq", "treeSize"].sort(),
    );
    expect(verifyFiles({ head: proof.body.head, inclusion: proof.body }).ok).toBe(true);
    // Another entry's proof does not pass for this one.
    const other = { ...proof.body, leafHash: proof.body.proof[0], chainHash: proof.body.chainHash };
    expect(verifyFiles({ head: proof.body.head, inclusion: other }).ok).toBe(false);

    const older = proof.body.head as SignedHead;
    await createNations(admin, ["QTD"]);
    const newest = await globalAuditor.get(`/api/transparency/inclusion/${await entries(a)}`);
    expect(newest.status, newest.text).toBe(200);
    const head = newest.body.head as SignedHead;
    expect(head.treeSize).toBeGreaterThan(older.treeSize);
    const consistency = await a.anonymous.get(
      `/api/transparency/consistency?first=${older.treeSize}&second=${head.treeSize}`,
    );
    expect(consistency.status, consistency.text).toBe(200);
    expect(verifyFiles({ head, oldHead: older, consistency: consistency.body }).ok).toBe(true);
    const bad = await a.anonymous.get(`/api/transparency/consistency?first=3&second=${head.treeSize + 5}`);
    expect(bad.status).toBe(400);
    expect(bad.body.fields[0].field).toBe("query.second");
  });

  it("gives a nation's auditor proofs of entries about its records only, without hints about others", async () => {
    expect((await azeAuditor.get(`/api/transparency/inclusion/${restrictedSeq}`)).status).toBe(200);
    expect((await globalAuditor.get(`/api/transparency/inclusion/${restrictedSeq}`)).status).toBe(200);
    const hidden = await geoAuditor.get(`/api/transparency/inclusion/${restrictedSeq}`);
    const missing = await geoAuditor.get("/api/transparency/inclusion/99999999");
    expect(hidden.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(hidden.body.message).toBe(missing.body.message);
    // An entry about a record that is not releasable data (a nation) is the global auditors' only.
    expect((await azeAuditor.get(`/api/transparency/inclusion/${nationSeq}`)).status).toBe(404);
    const coordinator = await a.signIn({ role: "national_coordinator", nation: "AZE" });
    expect((await coordinator.get(`/api/transparency/inclusion/${restrictedSeq}`)).status).toBe(403);
    expect((await a.anonymous.get(`/api/transparency/inclusion/${restrictedSeq}`)).status).toBe(401);
  });
});

describe("a witness of the log", () => {
  const push = (body: unknown) => w.anonymous.post("/api/transparency/witness", body);
  const head = async (t: TestApp) => (await t.anonymous.get("/api/transparency/sth")).body as SignedHead;
  const grow = async (t: TestApp, codes: string[]) => {
    await createNations(await t.signIn({ role: "administrator" }), codes);
    // Sign a head over the new entries (an inclusion proof of the newest entry signs one when none covers it).
    const auditor = await t.signIn({ role: "auditor" });
    const reply = await auditor.get(`/api/transparency/inclusion/${await entries(t)}`);
    expect(reply.status, reply.text).toBe(200);
    return reply.body.head as SignedHead;
  };
  const alarms = async () =>
    w.db.selectFrom("transparencyAlarm").select(["kind", "message", "origin"]).orderBy("raisedAt").execute();

  it("holds the first head, asks for a proof of growth, and accepts a consistent one", async () => {
    const first = await head(a);
    expect((await push({ head: first })).body).toMatchObject({ status: "accepted" });
    expect((await push({ head: first })).body).toMatchObject({ status: "unchanged" });
    const second = await grow(a, ["QTE"]);
    expect((await push({ head: second })).body).toEqual({ status: "proof_needed", heldSize: first.treeSize });
    const proof = await a.anonymous.get(
      `/api/transparency/consistency?first=${first.treeSize}&second=${second.treeSize}`,
    );
    const accepted = await push({
      head: second,
      consistency: { fromSize: first.treeSize, proof: proof.body.proof },
    });
    expect(accepted.body).toMatchObject({ status: "accepted", heldSize: second.treeSize });
    expect(await alarms()).toEqual([]);
  });

  it("raises a fork alarm for another instance restored from the same starting point, saying where", async () => {
    const held = await w.db.selectFrom("witnessHead").select("treeSize").executeTakeFirstOrThrow();
    // Instance b started from the same template and wrote other entries: same key, same origin, other history.
    const missing = Number(held.treeSize) - (await entries(b));
    await sql`insert into audit_entry (actor_label, action, record_type, diff)
      select 'b', 'nation.create', 'nation', jsonb_build_object('n', g) from generate_series(1, ${missing}) g`.execute(
      b.db,
    );
    const forked = await grow(b, ["QTF"]);
    expect(forked.treeSize).toBeGreaterThan(Number(held.treeSize));
    const proof = await b.anonymous.get(
      `/api/transparency/consistency?first=${held.treeSize}&second=${forked.treeSize}`,
    );
    const reply = await push({
      head: forked,
      consistency: { fromSize: Number(held.treeSize), proof: proof.body.proof },
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ status: "alarm", kind: "fork" });
    expect(reply.body.message).toContain(`log ${ORIGIN} FORKED`);
    expect(reply.body.message).toContain(`first ${held.treeSize} entries`);
    expect((await alarms()).map((row) => row.kind)).toEqual(["fork"]);
    // The held head stays; administrators are told, and the alarm is itself audited.
    expect(
      Number((await w.db.selectFrom("witnessHead").select("treeSize").executeTakeFirstOrThrow()).treeSize),
    ).toBe(Number(held.treeSize));
    const audited = await w.db
      .selectFrom("auditEntry")
      .select("action")
      .where("action", "=", "transparency.alarm")
      .execute();
    expect(audited).toHaveLength(1);
    const notices = await witnessAdmin.get("/api/notifications");
    expect(notices.body.items.map((n: { kind: string }) => n.kind)).toContain("transparency.alarm");
    expect((await witnessAdmin.get("/api/transparency/alarms")).body[0]).toMatchObject({
      kind: "fork",
      origin: ORIGIN,
    });
  });

  it("raises a rollback alarm for a smaller head, and a signature alarm for a forged one", async () => {
    const older = await head(a);
    const small = await a.db
      .selectFrom("transparencyHead")
      .select("treeSize")
      .orderBy("treeSize")
      .executeTakeFirstOrThrow();
    const rolledBack = (await a.anonymous.get(`/api/transparency/sth/${small.treeSize}`)).body as SignedHead;
    expect(rolledBack.treeSize).toBeLessThan(older.treeSize);
    const reply = await push({ head: rolledBack });
    expect(reply.body).toMatchObject({ status: "alarm", kind: "rollback" });
    expect(reply.body.message).toMatch(/ROLLED BACK: it now shows size \d+.*entries \d+ to \d+ are gone/);
    const forged = { ...older, rootHash: "ab".repeat(32) };
    expect((await push({ head: forged })).body).toMatchObject({ status: "alarm", kind: "bad_signature" });
    expect((await alarms()).map((row) => row.kind)).toEqual(["fork", "rollback", "bad_signature"]);
  });

  it("refuses heads of a log it does not watch, leaving nothing behind", async () => {
    const before = await alarms();
    const reply = await push({ head: { ...(await head(a)), origin: "https://other.example" } });
    expect(reply.status).toBe(404);
    expect(await alarms()).toEqual(before);
  });
});
