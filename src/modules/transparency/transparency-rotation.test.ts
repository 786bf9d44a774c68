import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/test-app.js";
import { type Config, loadConfig } from "../../config.js";
import {
  generateSigningKeyPem,
  headProblem,
  parsePrivateKey,
  parsePublicKey,
  type SignedHead,
} from "./heads.js";
import { signIfDue } from "./transparency.service.js";
import { checkHeadAgainstLog, verifyFiles, verifyLog } from "./verify.js";
import { judgeHead } from "./witness.js";

/**
 * Key rotation (issue 25, docs/operations.md "Signing key"): once the signing key changes, the next scheduled
 * signing re-signs the log with the new key even if it has not grown; old heads stay verifiable with the old key,
 * which the keys endpoint keeps listing with the span it was in use; consistency from an old-key head to a
 * new-key head verifies, pinning each head's own key.
 */
const OLD_KEY = generateSigningKeyPem();
const NEW_KEY = generateSigningKeyPem();
const OLD_PUBLIC = parsePrivateKey(OLD_KEY).publicKey;
const NEW_PUBLIC = parsePrivateKey(NEW_KEY).publicKey;
const ORIGIN = "https://log-rotation.example";
const dir = mkdtempSync(path.join(tmpdir(), "accord-tlog-rotation-"));

let t: TestApp;
let rotated: Config;
let oldHead: SignedHead;
let resigned: SignedHead;
let grown: SignedHead;

const append = (n: number) =>
  sql`insert into audit_entry (actor_label, action, record_type, diff)
    select 'rotation', 'nation.create', 'nation', jsonb_build_object('n', g) from generate_series(1, ${n}) g`.execute(
    t.db,
  );
const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  t = await createTestApp({
    transparency: { ...loadConfig({}).transparency, signingKey: OLD_KEY, origin: ORIGIN, trustedLogs: [] },
  });
  rotated = { ...t.config, transparency: { ...t.config.transparency, signingKey: NEW_KEY } };
});
afterAll(() => t.close());

describe("key rotation", () => {
  it("re-signs the unchanged log with the new key at the next period, and only then", async () => {
    await append(4);
    oldHead = (await signIfDue(t.db, t.config, new Date(), at("2026-01-01T10:00:00Z")))!;
    expect(oldHead.keyId).toBe(parsePrivateKey(OLD_KEY).keyId);
    // Same key, no growth, head fresh: nothing is due.
    expect(await signIfDue(t.db, t.config, new Date(), at("2026-01-01T10:05:00Z"))).toBeNull();
    // The key rotated (configuration changed, instance restarted): the same tree, re-signed with the new key.
    resigned = (await signIfDue(t.db, rotated, new Date(), at("2026-01-01T10:10:00Z")))!;
    expect(resigned).toMatchObject({
      treeSize: oldHead.treeSize,
      rootHash: oldHead.rootHash,
      keyId: parsePrivateKey(NEW_KEY).keyId,
      publicKey: NEW_PUBLIC,
    });
    expect(await signIfDue(t.db, rotated, new Date(), at("2026-01-01T10:15:00Z"))).toBeNull();
    await append(3);
    grown = (await signIfDue(t.db, rotated, new Date(), at("2026-01-01T10:20:00Z")))!;
    expect(grown.treeSize).toBe(oldHead.treeSize + 3);
    expect(grown.keyId).toBe(resigned.keyId);
  });

  it("keeps publishing the old key with the span it signed, and the new key as current", async () => {
    const keys = await t.anonymous.get("/api/transparency/keys");
    expect(keys.status).toBe(200);
    expect(keys.body).toEqual([
      {
        keyId: oldHead.keyId,
        publicKey: OLD_PUBLIC,
        firstUsedAt: expect.any(String),
        current: false,
        validFrom: oldHead.timestamp,
        validUntil: oldHead.timestamp,
        firstTreeSize: oldHead.treeSize,
        lastTreeSize: oldHead.treeSize,
        heads: 1,
      },
      {
        keyId: grown.keyId,
        publicKey: NEW_PUBLIC,
        firstUsedAt: expect.any(String),
        current: true,
        validFrom: resigned.timestamp,
        validUntil: null,
        firstTreeSize: resigned.treeSize,
        lastTreeSize: grown.treeSize,
        heads: 2,
      },
    ]);
  });

  it("old heads verify with the old key only; consistency from an old-key head to a new-key head verifies", async () => {
    const oldKey = parsePublicKey(OLD_PUBLIC);
    const newKey = parsePublicKey(NEW_PUBLIC);
    expect(headProblem(oldHead, oldKey)).toBeNull();
    expect(headProblem(oldHead, newKey)).toMatch(/names key .* but the key checked is/);
    const proof = await t.anonymous.get(
      `/api/transparency/consistency?first=${oldHead.treeSize}&second=${grown.treeSize}`,
    );
    expect(proof.status).toBe(200);
    const both = verifyFiles({ head: grown, key: newKey, oldHead, oldKey, consistency: proof.body });
    expect(both.lines.join("\n")).toContain(`extends the log of size ${oldHead.treeSize}`);
    expect(both.ok).toBe(true);
    // Pinning the new key for the old head is refused: a verifier must hold the key of the head's time.
    const pinnedNew = verifyFiles({ head: grown, key: newKey, oldHead, consistency: proof.body });
    expect(pinnedNew.ok).toBe(false);
    expect(pinnedNew.lines.join("\n")).toMatch(/FAILED: older head: it names key/);
    // The database's own check and the file witness accept heads of both keys.
    expect(await verifyLog(t.db)).toMatchObject({ ok: true, problems: [] });
    expect(await checkHeadAgainstLog(t.db, [oldHead, resigned, grown], [oldKey, newKey])).toEqual([]);
    expect(await checkHeadAgainstLog(t.db, [oldHead, grown], [newKey])).toEqual([
      expect.stringMatching(new RegExp(`^the kept head of size ${oldHead.treeSize} signed .*: it names key`)),
    ]);
    // The standalone script with the older head's own key (--old-key).
    const file = (name: string, content: unknown) => {
      const target = path.join(dir, name);
      writeFileSync(target, typeof content === "string" ? content : JSON.stringify(content));
      return target;
    };
    const args = [
      "scripts/verify-proof.mjs",
      ...["--head", file("new.json", grown), "--key", file("new.pub", NEW_PUBLIC)],
      ...["--old-head", file("old.json", oldHead), "--consistency", file("c.json", proof.body)],
    ];
    const run = promisify(execFile);
    const ok = await run(process.execPath, [...args, "--old-key", file("old.pub", OLD_PUBLIC)]);
    expect(ok.stdout).toContain(`ok: older head of size ${oldHead.treeSize}`);
    await expect(run(process.execPath, args)).rejects.toMatchObject({ code: 1 });
  });

  it("a witness that trusts both keys follows the log across the rotation; one that trusts only the old key alarms", async () => {
    const consistency = await t.anonymous.get(
      `/api/transparency/consistency?first=${oldHead.treeSize}&second=${grown.treeSize}`,
    );
    const both = [parsePublicKey(OLD_PUBLIC), parsePublicKey(NEW_PUBLIC)];
    expect(judgeHead({ held: null, received: oldHead, trustedKeys: both })).toEqual({ status: "accepted" });
    expect(judgeHead({ held: oldHead, received: resigned, trustedKeys: both })).toEqual({
      status: "unchanged",
    });
    expect(
      judgeHead({ held: oldHead, received: grown, proof: consistency.body.proof, trustedKeys: both }),
    ).toEqual({ status: "accepted" });
    expect(
      judgeHead({
        held: oldHead,
        received: grown,
        proof: consistency.body.proof,
        trustedKeys: [parsePublicKey(OLD_PUBLIC)],
      }),
    ).toMatchObject({ status: "alarm", kind: "bad_signature" });
  });
});
