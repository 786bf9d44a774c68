import "./transparency.policy.js";
import type { Config } from "../../config.js";
import type { Db } from "../../db/database.js";
import { authorize } from "../../platform/access/policy.js";
import { canRead } from "../../platform/access/releasability.js";
import { readsEverything } from "../../platform/access/viewer.js";
import { writeAudit } from "../../platform/audit.js";
import { notFound, orNotFound, validation } from "../../platform/errors.js";
import type { Ctx } from "../../platform/http/request-context.js";
import { notify } from "../notices/index.js";
import { parsePublicKey, type SignedHead, signHead, signingKey } from "./heads.js";
import { consistencyProof, inclusionProof, subtreeRoot } from "./merkle.js";
import * as queries from "./transparency.queries.js";
import { currentTreeSize, extendTree, withNodes } from "./tree.queries.js";
import { judgeHead } from "./witness.js";

const hex = (hashes: Buffer[]) => hashes.map((hash) => hash.toString("hex"));

/**
 * Signs a head of the log as it stands now, and stores it. A scheduled head names its period; null when a head of
 * that period is stored already (another instance or a retry signed it first).
 */
export async function signNow(db: Db, config: Config): Promise<SignedHead>;
export async function signNow(db: Db, config: Config, period: Date): Promise<SignedHead | null>;
export async function signNow(db: Db, config: Config, period?: Date): Promise<SignedHead | null> {
  const size = await currentTreeSize(db);
  await extendTree(db, size);
  const root = await withNodes(db, (node) => subtreeRoot(node, 0, size));
  const head = signHead(signingKey(config), {
    origin: config.transparency.origin,
    treeSize: size,
    rootHash: root.toString("hex"),
    timestamp: new Date().toISOString(),
  });
  return (await queries.storeHead(db, head, period)) ? head : null;
}

/** The start of the signing period `at` falls in (periods are aligned to the hour, or to midnight UTC). */
export function periodOf(at: Date, minutes: number): Date {
  const ms = minutes * 60_000;
  return new Date(Math.floor(at.getTime() / ms) * ms);
}

/**
 * The job queue's signing, once per period (`period`: the crontab's time, or the period `now` falls in): a new head
 * when the log has grown since the last scheduled head (heads signed on demand are not published), when the signing key is not the one of the newest head (after a rotation: the same tree
 * re-signed with the new key), or when the newest head is `maxHeadAgeMinutes` old. At most one head per period
 * whatever the number of instances (the period's unique index); null when none was due or another signed it.
 */
export async function signIfDue(
  db: Db,
  config: Config,
  now = new Date(),
  period = periodOf(now, config.transparency.signEveryMinutes),
): Promise<SignedHead | null> {
  const latest = await queries.findScheduledHead(db);
  const size = await currentTreeSize(db);
  const maxAge = config.transparency.maxHeadAgeMinutes * 60_000;
  if (
    latest &&
    latest.treeSize === size &&
    latest.keyId === signingKey(config).keyId &&
    // A head signed a moment "after" now (another instance's job of another period, or clock skew between
    // instances) is of age 0, not negative: with maxHeadAgeMinutes 0 every period must sign.
    Math.max(0, now.getTime() - Date.parse(latest.timestamp)) < maxAge
  )
    return null;
  return signNow(db, config, period);
}

export async function latestHead(ctx: Ctx): Promise<SignedHead> {
  authorize(ctx.viewer, "transparency.head");
  return (await queries.findHead(ctx.db)) ?? signNow(ctx.db, ctx.config);
}

export async function headAt(ctx: Ctx, size: number): Promise<SignedHead> {
  authorize(ctx.viewer, "transparency.head");
  const head = await queries.findHead(ctx.db, { size });
  if (!head) throw notFound(`A signed head of size ${size}`);
  return head;
}

export async function keys(ctx: Ctx) {
  authorize(ctx.viewer, "transparency.head");
  return queries.listKeys(ctx.db);
}

export async function consistency(ctx: Ctx, first: number, second: number) {
  authorize(ctx.viewer, "transparency.head");
  if (first > second) throw validation("query.first", "must not be larger than query.second");
  const size = await currentTreeSize(ctx.db);
  if (second > size) throw validation("query.second", `must not be larger than the log (${size} entries)`);
  await extendTree(ctx.db, second);
  const proof = await withNodes(ctx.db, (node) => consistencyProof(node, first, second));
  return { first, second, proof: hex(proof) };
}

/**
 * The proof that an audit entry is in the log: its leaf hash and the path to the root of a signed head (the given
 * size, or the newest head that holds it, signed now if none does). Hashes only: no other entry's content.
 */
export async function inclusion(ctx: Ctx, seq: number, treeSize?: number) {
  authorize(ctx.viewer, "transparency.inclusion_proof");
  const leaf = orNotFound(await queries.findLeaf(ctx.db, seq), "The audit entry");
  if (!readsEverything(ctx.viewer)) {
    // The same answer for an entry that does not exist and one the auditor may not see.
    const record = await queries.releasableRecord(ctx.db, leaf.recordType, leaf.recordId);
    if (!record || !canRead(ctx.viewer, record)) throw notFound("The audit entry");
  }
  let head: SignedHead | null;
  if (treeSize !== undefined) {
    if (treeSize < seq) throw validation("query.treeSize", "must be at least the entry's sequence number");
    head = await queries.findHead(ctx.db, { size: treeSize });
    if (!head) throw notFound(`A signed head of size ${treeSize}`);
  } else {
    const newest = await queries.findHead(ctx.db);
    head = newest && newest.treeSize >= seq ? newest : await signNow(ctx.db, ctx.config);
  }
  const size = head.treeSize;
  await extendTree(ctx.db, size);
  const proof = await withNodes(ctx.db, (node) => inclusionProof(node, Number(leaf.leafIndex), size));
  return {
    seq: Number(leaf.seq),
    leafIndex: Number(leaf.leafIndex),
    chainHash: leaf.hash,
    leafHash: leaf.leafHash.toString("hex"),
    treeSize: size,
    proof: hex(proof),
    head,
  };
}

export interface WitnessInput {
  head: SignedHead;
  consistency?: { fromSize: number; proof: string[] };
}

/**
 * Receives a head of a log this instance watches (ACCORD_WITNESS_TRUST). Accepted heads replace the held one; a
 * rollback, a fork or a bad signature raises an alarm: a stored row, an audit entry and a notice to administrators.
 */
export async function witness(ctx: Ctx, input: WitnessInput) {
  authorize(ctx.viewer, "transparency.witness");
  const trusted = ctx.config.transparency.trustedLogs.filter((log) => log.origin === input.head.origin);
  // An unknown origin leaves nothing behind (anyone may call this route): 404, as for a route of no log.
  if (!trusted.length) throw notFound("A log of that origin watched by this instance");
  const held = await queries.heldHead(ctx.db, input.head.origin);
  const heldHead = (held?.head as SignedHead | undefined) ?? null;
  if (input.consistency && heldHead && input.consistency.fromSize !== heldHead.treeSize)
    throw validation("consistency.fromSize", `must be the size of the held head, ${heldHead.treeSize}`);
  const verdict = judgeHead({
    held: heldHead,
    received: input.head,
    proof: input.consistency?.proof,
    trustedKeys: trusted.map((log) => parsePublicKey(log.publicKey)),
  });
  if (verdict.status === "accepted") await queries.holdHead(ctx.db, input.head);
  if (verdict.status === "alarm") await raiseAlarm(ctx, { ...verdict, held: heldHead, received: input.head });
  return verdict.status === "proof_needed"
    ? { status: verdict.status, heldSize: verdict.heldSize }
    : verdict.status === "alarm"
      ? { status: verdict.status, kind: verdict.kind, message: verdict.message }
      : { status: verdict.status, heldSize: Math.max(heldHead?.treeSize ?? 0, input.head.treeSize) };
}

async function raiseAlarm(
  ctx: Ctx,
  alarm: {
    kind: "fork" | "rollback" | "bad_signature";
    message: string;
    held: SignedHead | null;
    received: SignedHead;
  },
) {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await queries.insertAlarm(trx, alarm);
    await notify(trx, {
      recipients: { globalRoles: ["administrator"] },
      kind: "transparency.alarm",
      record: { type: "transparency_alarm", id: row.id, link: null },
      title: `Transparency log alarm (${alarm.kind})`,
      body: alarm.message,
      params: { origin: alarm.received.origin, kind: alarm.kind },
    });
    await writeAudit(trx, ctx, {
      action: "transparency.alarm",
      recordType: "transparency_alarm",
      recordId: row.id,
      after: { kind: alarm.kind, origin: alarm.received.origin, message: alarm.message },
    });
  });
}

export async function alarms(ctx: Ctx) {
  authorize(ctx.viewer, "transparency.alarms");
  return queries.listAlarms(ctx.db);
}
