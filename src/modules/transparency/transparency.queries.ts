import { sql } from "kysely";
import type { Db } from "../../db/database.js";
import type { ReleasableRecord } from "../../platform/access/releasability.js";
import type { SignedHead } from "./heads.js";
import { leafHash, nodeHash } from "./merkle.js";

type HeadRow = {
  origin: string;
  treeSize: number;
  rootHash: Buffer;
  signedAt: Date;
  keyId: string;
  signature: Buffer;
  publicKey: string;
};

const toHead = (row: HeadRow): SignedHead => ({
  origin: row.origin,
  treeSize: Number(row.treeSize),
  rootHash: row.rootHash.toString("hex"),
  timestamp: row.signedAt.toISOString(),
  keyId: row.keyId,
  publicKey: row.publicKey,
  signature: row.signature.toString("base64"),
});

const headSelect = (db: Db) =>
  db
    .selectFrom("transparencyHead as h")
    .innerJoin("transparencyKey as k", "k.keyId", "h.keyId")
    .select(["h.origin", "h.treeSize", "h.rootHash", "h.signedAt", "h.keyId", "h.signature", "k.publicKey"]);

/** The newest head (largest size, then newest), or the newest head of exactly `size`, or the first at least `size`. */
export async function findHead(
  db: Db,
  which: { size?: number; atLeast?: number } = {},
): Promise<SignedHead | null> {
  let query = headSelect(db);
  if (which.size !== undefined) query = query.where("h.treeSize", "=", which.size);
  if (which.atLeast !== undefined)
    query = query.where("h.treeSize", ">=", which.atLeast).orderBy("h.treeSize", "asc");
  else query = query.orderBy("h.treeSize", "desc");
  const row = await query.orderBy("h.signedAt", "desc").limit(1).executeTakeFirst();
  return row ? toHead(row as HeadRow) : null;
}

/** The newest head the job queue signed (the last one published to the head file and the witnesses). */
export async function findScheduledHead(db: Db): Promise<SignedHead | null> {
  const row = await headSelect(db)
    .where("h.period", "is not", null)
    .orderBy("h.period", "desc")
    .limit(1)
    .executeTakeFirst();
  return row ? toHead(row as HeadRow) : null;
}

/** Every signed size once (its newest head), smallest first: what the verifier checks the leaves against. */
export async function signedSizes(db: Db): Promise<SignedHead[]> {
  const rows = await sql<HeadRow>`
    select distinct on (h.tree_size) h.origin, h.tree_size as "treeSize", h.root_hash as "rootHash",
      h.signed_at as "signedAt", h.key_id as "keyId", h.signature, k.public_key as "publicKey"
    from transparency_head h join transparency_key k using (key_id)
    order by h.tree_size, h.signed_at desc`.execute(db);
  return rows.rows.map(toHead);
}

/**
 * Stores a head; a scheduled one with its period. False when a head of that period is stored already (another
 * instance, or a retry, signed it first): the caller drops its own.
 */
export async function storeHead(db: Db, head: SignedHead, period?: Date): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto("transparencyKey")
      .values({ keyId: head.keyId, publicKey: head.publicKey })
      .onConflict((oc) => oc.column("keyId").doNothing())
      .execute();
    const stored = await trx
      .insertInto("transparencyHead")
      .values({
        origin: head.origin,
        treeSize: head.treeSize,
        rootHash: Buffer.from(head.rootHash, "hex"),
        signedAt: new Date(head.timestamp),
        keyId: head.keyId,
        signature: Buffer.from(head.signature, "base64"),
        period: period ?? null,
      })
      .onConflict((oc) => oc.column("period").where("period", "is not", null).doNothing())

      .returning("id")
      .executeTakeFirst();
    return stored !== undefined;
  });
}

/**
 * Every key that has signed a head, with when it was in use: from its first head to its last, and no end for the
 * key of the newest head (the current one). A head is genuine when its key is listed and its time lies within.
 */
export async function listKeys(db: Db) {
  const rows = await sql<{
    keyId: string;
    publicKey: string;
    firstUsedAt: Date;
    validFrom: Date | null;
    lastSignedAt: Date | null;
    firstTreeSize: number | null;
    lastTreeSize: number | null;
    heads: number;
    current: boolean;
  }>`
    select k.key_id as "keyId", k.public_key as "publicKey", k.first_used_at as "firstUsedAt",
      min(h.signed_at) as "validFrom", max(h.signed_at) as "lastSignedAt",
      min(h.tree_size) as "firstTreeSize", max(h.tree_size) as "lastTreeSize", count(h.id)::int as heads,
      coalesce(k.key_id = (select key_id from transparency_head order by signed_at desc, id desc limit 1), false)
        as current
    from transparency_key k left join transparency_head h using (key_id)
    group by k.key_id order by min(h.signed_at) nulls last, k.first_used_at`.execute(db);
  return rows.rows.map((row) => ({
    keyId: row.keyId,
    publicKey: row.publicKey,
    firstUsedAt: row.firstUsedAt,
    current: row.current,
    validFrom: row.validFrom ?? row.firstUsedAt,
    validUntil: row.current ? null : (row.lastSignedAt ?? row.firstUsedAt),
    firstTreeSize: Number(row.firstTreeSize ?? 0),
    lastTreeSize: Number(row.lastTreeSize ?? 0),
    heads: row.heads,
  }));
}

/** The entry's leaf, and what the releasability rule needs of the record it names (null: not releasable data). */
export async function findLeaf(db: Db, seq: number) {
  return db
    .selectFrom("auditEntry")
    .select(["seq", "leafIndex", "leafHash", "hash", "recordType", "recordId"])
    .where("seq", "=", seq)
    .executeTakeFirst();
}

const RELEASABLE_COLUMNS = [
  "releasability",
  "owner_nation_id",
  "owner_organisation_id",
  "release_nations",
  "release_organisations",
];

/** The owners and releasability of a record named by an audit entry, when its table is a releasable one. */
export async function releasableRecord(
  db: Db,
  recordType: string,
  recordId: string | null,
): Promise<ReleasableRecord | null> {
  if (!recordId || !/^[a-z_]+$/.test(recordType) || !/^[0-9a-f-]{36}$/.test(recordId)) return null;
  const columns = await sql<{ n: number }>`select count(*)::int as n from information_schema.columns
    where table_schema = current_schema() and table_name = ${recordType}
      and column_name = any(${RELEASABLE_COLUMNS}::text[])`.execute(db);
  if (Number(columns.rows[0]?.n) !== RELEASABLE_COLUMNS.length) return null;
  const row = await sql<ReleasableRecord>`select owner_nation_id as "ownerNationId",
      owner_organisation_id as "ownerOrganisationId", releasability,
      release_nations as "releaseNations", release_organisations as "releaseOrganisations"
    from ${sql.table(recordType)} where id = ${recordId}::uuid`.execute(db);
  return row.rows[0] ?? null;
}

/**
 * The roots of the trees of the given sizes, recomputed from the stored leaf hashes alone (no cache), streaming the
 * leaves in order with a frontier of complete subtrees. Also reports leaves whose hash is not SHA-256(0x00 || chain
 * hash) and the number of leaves.
 */
export async function rootsFromLeaves(db: Db, sizes: number[]) {
  const wanted = new Set(sizes);
  const roots = new Map<number, string>();
  const frontier: { size: number; hash: Buffer }[] = [];
  let count = 0;
  let badLeaf: number | null = null;
  const rootNow = () => {
    let root = frontier[frontier.length - 1]!.hash;
    for (let i = frontier.length - 2; i >= 0; i--) root = nodeHash(frontier[i]!.hash, root);
    return root.toString("hex");
  };
  for (let after = 0; ; ) {
    const { rows } = await sql<{ seq: number; hash: string; leafHash: Buffer }>`
      select seq, hash, leaf_hash as "leafHash" from audit_entry where seq > ${after} order by seq limit 5000`.execute(
      db,
    );
    for (const row of rows) {
      if (Number(row.seq) !== count + 1) return { roots, count, badLeaf, gapAt: count + 1 };
      if (badLeaf === null && !leafHash(Buffer.from(row.hash, "hex")).equals(row.leafHash))
        badLeaf = Number(row.seq);
      let node = { size: 1, hash: row.leafHash };
      while (frontier.length && frontier[frontier.length - 1]!.size === node.size) {
        const left = frontier.pop()!;
        node = { size: node.size * 2, hash: nodeHash(left.hash, node.hash) };
      }
      frontier.push(node);
      count++;
      if (wanted.has(count)) roots.set(count, rootNow());
    }
    if (rows.length < 5000) break;
    after = Number(rows[rows.length - 1]!.seq);
  }
  return { roots, count, badLeaf, gapAt: null as number | null };
}

// ------------------------------------------------------------------ witness

export const heldHead = (db: Db, origin: string) =>
  db
    .selectFrom("witnessHead")
    .select(["origin", "treeSize", "head"])
    .where("origin", "=", origin)
    .executeTakeFirst();

export async function holdHead(db: Db, head: SignedHead) {
  await db
    .insertInto("witnessHead")
    .values({
      origin: head.origin,
      treeSize: head.treeSize,
      rootHash: Buffer.from(head.rootHash, "hex"),
      head: JSON.stringify(head),
    })
    .onConflict((oc) =>
      oc.column("origin").doUpdateSet({
        treeSize: head.treeSize,
        rootHash: Buffer.from(head.rootHash, "hex"),
        head: JSON.stringify(head),
        receivedAt: sql`now()`,
      }),
    )
    .execute();
}

export const listAlarms = (db: Db) =>
  db
    .selectFrom("transparencyAlarm")
    .select(["id", "origin", "kind", "message", "raisedAt"])
    .orderBy("raisedAt", "desc")
    .limit(100)
    .execute();

export async function insertAlarm(
  db: Db,
  alarm: {
    kind: "fork" | "rollback" | "bad_signature";
    message: string;
    held: SignedHead | null;
    received: SignedHead;
  },
) {
  return db
    .insertInto("transparencyAlarm")
    .values({
      origin: alarm.received.origin,
      kind: alarm.kind,
      message: alarm.message,
      held: alarm.held ? JSON.stringify(alarm.held) : null,
      received: JSON.stringify(alarm.received),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
}
