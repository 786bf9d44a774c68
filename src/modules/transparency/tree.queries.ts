import { sql } from "kysely";
import type { Db } from "../../db/database.js";
import { type NodeSource, nodesRead } from "./merkle.js";

/** Taken while the cache of complete subtrees is extended (the audit chain's own lock is 7283461001). */
const TREE_LOCK = 7283461002;

/** The number of leaves: every committed audit entry (seq has no gaps, see accord_audit_chain). */
export async function currentTreeSize(db: Db): Promise<number> {
  const row = await sql<{ n: number }>`select coalesce(max(seq), 0)::int8 as n from audit_entry`.execute(db);
  return Number(row.rows[0]?.n ?? 0);
}

/**
 * Fills in the hash of every complete subtree of the first `size` leaves that the cache lacks, level by level, one
 * set-based statement per level (log2(size) statements; an append of k entries adds about k nodes). Idempotent, and
 * serialised by an advisory lock so two instances do not compute the same nodes at once.
 */
export async function extendTree(db: Db, size: number): Promise<void> {
  if (size < 2) return;
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${TREE_LOCK})`.execute(trx);
    const present = await sql<{ level: number; n: number }>`
      select level, (max(idx) + 1)::int8 as n from audit_tree_node group by level`.execute(trx);
    const have = new Map(present.rows.map((row) => [Number(row.level), Number(row.n)]));
    for (let level = 1; size >> level > 0; level++) {
      const from = have.get(level) ?? 0;
      const to = Math.floor(size / 2 ** level);
      if (from >= to) continue;
      if (level === 1) {
        await sql`insert into audit_tree_node (level, idx, hash)
          select 1, l.leaf_index / 2, sha256('\\x01'::bytea || l.leaf_hash || r.leaf_hash)
          from audit_entry l join audit_entry r on r.seq = l.seq + 1
          where l.leaf_index % 2 = 0 and l.seq between ${2 * from + 1} and ${2 * to}
          on conflict do nothing`.execute(trx);
      } else {
        await sql`insert into audit_tree_node (level, idx, hash)
          select ${level}, l.idx / 2, sha256('\\x01'::bytea || l.hash || r.hash)
          from audit_tree_node l join audit_tree_node r on r.level = l.level and r.idx = l.idx + 1
          where l.level = ${level - 1} and l.idx % 2 = 0 and l.idx between ${2 * from} and ${2 * to - 1}
          on conflict do nothing`.execute(trx);
      }
    }
  });
}

/**
 * Runs a tree computation (a root, a proof) against the cache: the nodes it reads are fetched in one query. Throws
 * when a node is missing (the cache was not extended to the size asked for, or leaves are missing).
 */
export async function withNodes<T>(db: Db, compute: (node: NodeSource) => T): Promise<T> {
  const keys = nodesRead(compute);
  const leaves = keys.filter(([level]) => level === 0).map(([, idx]) => idx);
  const inner = keys.filter(([level]) => level > 0);
  const [leafRows, nodeRows] = await Promise.all([
    leaves.length
      ? sql<{ idx: number; hash: Buffer }>`select leaf_index as idx, leaf_hash as hash from audit_entry
          where leaf_index = any(${leaves}::int8[])`.execute(db)
      : { rows: [] },
    inner.length
      ? sql<{ level: number; idx: number; hash: Buffer }>`select level, idx, hash from audit_tree_node
          where (level, idx) in (select * from unnest(${inner.map(([l]) => l)}::int2[], ${inner.map(([, i]) => i)}::int8[]))`.execute(
          db,
        )
      : { rows: [] },
  ]);
  const found = new Map<string, Buffer>();
  for (const row of leafRows.rows) found.set(`0:${Number(row.idx)}`, row.hash);
  for (const row of nodeRows.rows) found.set(`${row.level}:${Number(row.idx)}`, row.hash);
  return compute((level, idx) => {
    const hash = found.get(`${level}:${idx}`);
    if (!hash) throw new Error(`the log has no subtree hash at level ${level}, index ${idx}`);
    return hash;
  });
}

export interface LeafCheck {
  /** The first entry whose stored leaf hash is not SHA-256(0x00 || its chain hash), if any. */
  badLeafSeq: number | null;
  /** The first cached subtree whose hash does not match its children, as the range of entries it covers. */
  badNode: { level: number; firstSeq: number; lastSeq: number } | null;
}

/** Recomputes every leaf hash and every cached subtree from its children, in PostgreSQL. */
export async function checkStoredTree(db: Db): Promise<LeafCheck> {
  const leaf = await sql<{ seq: number }>`select seq from audit_entry
    where leaf_hash is distinct from sha256('\\x00'::bytea || decode(hash, 'hex')) order by seq limit 1`.execute(
    db,
  );
  const node = await sql<{ level: number; idx: number }>`
    select n.level, n.idx from audit_tree_node n
      left join audit_entry l on n.level = 1 and l.leaf_index = 2 * n.idx
      left join audit_entry r on n.level = 1 and r.leaf_index = 2 * n.idx + 1
      left join audit_tree_node lc on n.level > 1 and lc.level = n.level - 1 and lc.idx = 2 * n.idx
      left join audit_tree_node rc on n.level > 1 and rc.level = n.level - 1 and rc.idx = 2 * n.idx + 1
    where n.hash is distinct from sha256('\\x01'::bytea || coalesce(l.leaf_hash, lc.hash) || coalesce(r.leaf_hash, rc.hash))
    order by n.level, n.idx limit 1`.execute(db);
  const bad = node.rows[0];
  return {
    badLeafSeq: leaf.rows[0] ? Number(leaf.rows[0].seq) : null,
    badNode: bad
      ? {
          level: bad.level,
          firstSeq: Number(bad.idx) * 2 ** bad.level + 1,
          lastSeq: (Number(bad.idx) + 1) * 2 ** bad.level,
        }
      : null,
  };
}

/** Forgets the cache (the witness and verifier then recompute from the leaves). */
export async function dropTreeCache(db: Db): Promise<void> {
  await sql`delete from audit_tree_node`.execute(db);
}
