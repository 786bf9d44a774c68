import type { KeyObject } from "node:crypto";
import type { Db } from "../../db/database.js";
import { headProblem, type SignedHead } from "./heads.js";
import { leafHash, verifyConsistency, verifyInclusion } from "./merkle.js";
import { rootsFromLeaves, signedSizes } from "./transparency.queries.js";
import { checkStoredTree } from "./tree.queries.js";

export interface LogVerdict {
  ok: boolean;
  entries: number;
  heads: number;
  problems: string[];
}

/**
 * Checks the log against the audit entries it stands for: every leaf hash against its entry's chain hash, every
 * cached subtree against its children, and every signed head (its signature, and its root recomputed from the
 * leaves alone). Each problem says what is wrong and where (entry numbers, head size and time).
 */
export async function verifyLog(db: Db): Promise<LogVerdict> {
  const problems: string[] = [];
  const heads = await signedSizes(db);
  const { roots, count, badLeaf, gapAt } = await rootsFromLeaves(
    db,
    heads.map((head) => head.treeSize),
  );
  if (gapAt !== null) problems.push(`entry ${gapAt} is missing: the leaves stop being consecutive there`);
  if (badLeaf !== null)
    problems.push(`entry ${badLeaf}: its leaf hash is not SHA-256(0x00 || its chain hash)`);
  const stored = await checkStoredTree(db);
  if (stored.badNode)
    problems.push(
      `entries ${stored.badNode.firstSeq} to ${stored.badNode.lastSeq}: the subtree hash stored for them (level ${stored.badNode.level}) does not match their leaves`,
    );
  let lastGood = 0;
  for (const head of heads) {
    const signature = headProblem(head);
    if (signature) problems.push(`the head of size ${head.treeSize} signed ${head.timestamp}: ${signature}`);
    if (head.treeSize > count) {
      problems.push(
        `ROLLBACK: the head signed ${head.timestamp} covers ${head.treeSize} entries, but the log holds ${count}: entries ${count + 1} to ${head.treeSize} were removed`,
      );
      continue;
    }
    const root = head.treeSize === 0 ? null : roots.get(head.treeSize);
    if (head.treeSize > 0 && root !== head.rootHash) {
      problems.push(
        `CHANGED: the entries do not give the root signed ${head.timestamp} for size ${head.treeSize}: an entry between ${lastGood + 1} and ${head.treeSize} was changed after it was signed`,
      );
    } else lastGood = head.treeSize;
  }
  return { ok: problems.length === 0, entries: count, heads: heads.length, problems };
}

export interface InclusionBundle {
  seq: number;
  leafIndex: number;
  chainHash: string;
  leafHash: string;
  treeSize: number;
  proof: string[];
  head: SignedHead;
}

/** Offline checks of a head, an inclusion proof and a consistency proof: each line says what held or failed. */
export function verifyFiles(input: {
  head: SignedHead;
  key?: KeyObject;
  inclusion?: InclusionBundle;
  consistency?: { first: number; second: number; proof: string[] };
  oldHead?: SignedHead;
  /** The key of the older head when the log rotated its key in between (default: `key`). */
  oldKey?: KeyObject;
}): { ok: boolean; lines: string[] } {
  const lines: string[] = [];
  let ok = true;
  const check = (passed: boolean, good: string, bad: string) => {
    ok &&= passed;
    lines.push(passed ? `ok: ${good}` : `FAILED: ${bad}`);
  };
  const { head } = input;
  const problem = headProblem(head, input.key);
  check(
    !problem,
    `head of size ${head.treeSize} signed ${head.timestamp} by key ${head.keyId}${input.key ? "" : " (the key the head carries: pin one with --key)"}`,
    `head of size ${head.treeSize}: ${problem}`,
  );
  const hashes = (list: string[]) => list.map((hash) => Buffer.from(hash, "hex"));
  if (input.inclusion) {
    const p = input.inclusion;
    check(
      leafHash(Buffer.from(p.chainHash, "hex")).toString("hex") === p.leafHash,
      `entry ${p.seq}: leaf hash = SHA-256(0x00 || chain hash)`,
      `entry ${p.seq}: the leaf hash is not SHA-256(0x00 || chain hash ${p.chainHash})`,
    );
    check(
      p.treeSize === head.treeSize &&
        verifyInclusion(
          p.leafIndex,
          p.treeSize,
          Buffer.from(p.leafHash, "hex"),
          hashes(p.proof),
          Buffer.from(head.rootHash, "hex"),
        ),
      `entry ${p.seq} (leaf ${p.leafIndex}) is in the log at tree size ${p.treeSize}`,
      `entry ${p.seq} (leaf ${p.leafIndex}): the inclusion proof does not lead to the root of the head of size ${head.treeSize}`,
    );
  }
  if (input.consistency) {
    const c = input.consistency;
    const old = input.oldHead;
    if (!old) check(false, "", "a consistency proof needs the older head (--old-head)");
    else {
      const oldProblem = headProblem(old, input.oldKey ?? input.key);
      check(
        !oldProblem,
        `older head of size ${old.treeSize} signed ${old.timestamp} by key ${old.keyId}`,
        `older head: ${oldProblem}`,
      );
      check(
        c.first === old.treeSize &&
          c.second === head.treeSize &&
          verifyConsistency(
            old.treeSize,
            head.treeSize,
            Buffer.from(old.rootHash, "hex"),
            Buffer.from(head.rootHash, "hex"),
            hashes(c.proof),
          ),
        `the log of size ${head.treeSize} extends the log of size ${old.treeSize}`,
        `the head of size ${head.treeSize} does not extend the head of size ${old.treeSize} (a fork or a rewritten history)`,
      );
    }
  }
  return { ok, lines };
}

/**
 * The file witness: heads kept elsewhere (`accord audit sth > head.json`, or the head file's lines) checked against
 * this database's log, in one pass over the leaves. `keys`: the keys to trust (several across a rotation; none: the
 * key each head carries).
 */
export async function checkHeadAgainstLog(
  db: Db,
  kept: SignedHead | SignedHead[],
  keys: KeyObject | KeyObject[] = [],
): Promise<string[]> {
  const heads = Array.isArray(kept) ? kept : [kept];
  const trusted = Array.isArray(keys) ? keys : [keys];
  const problems: string[] = [];
  const { roots, count } = await rootsFromLeaves(
    db,
    heads.map((head) => head.treeSize),
  );
  for (const head of heads) {
    const signature = signedByOneOf(head, trusted);
    const what =
      heads.length === 1
        ? "the kept head"
        : `the kept head of size ${head.treeSize} signed ${head.timestamp}`;
    if (signature)
      problems.push(`${heads.length === 1 ? `the kept head of size ${head.treeSize}` : what}: ${signature}`);
    if (head.treeSize > count)
      problems.push(
        `ROLLBACK: ${heads.length === 1 ? `the kept head (signed ${head.timestamp})` : what} covers ${head.treeSize} entries, but the log holds ${count}: entries ${count + 1} to ${head.treeSize} are gone (deleted, or an older backup restored)`,
      );
    else if (head.treeSize > 0 && roots.get(head.treeSize) !== head.rootHash)
      problems.push(
        `FORK: the first ${head.treeSize} entries no longer give the root of ${heads.length === 1 ? `the kept head (signed ${head.timestamp})` : what}: an entry among them was changed, or this database is another copy that diverged`,
      );
  }
  return problems;
}

/** Null when one of the keys (none: the key the head carries) verifies the head, else the first key's complaint. */
export function signedByOneOf(head: SignedHead, keys: KeyObject[]): string | null {
  if (!keys.length) return headProblem(head);
  const problems = keys.map((key) => headProblem(head, key));
  return problems.includes(null) ? null : problems[0]!;
}
