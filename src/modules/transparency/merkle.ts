import { createHash } from "node:crypto";

/**
 * The Merkle tree of RFC 9162 (Certificate Transparency 2.0, §2.1) over the audit trail: leaf i is the audit entry of
 * sequence number i + 1, and its leaf data is that entry's chain hash (32 bytes). Pure functions: the tree's hashes
 * come from a `NodeSource` (the cache table of complete subtrees in PostgreSQL, or a list of leaves in tests).
 */

const sha256 = (...parts: Uint8Array[]) => {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part);
  return hash.digest();
};
const LEAF = Buffer.from([0]);
const NODE = Buffer.from([1]);

/** SHA-256(0x00 || data). */
export const leafHash = (data: Uint8Array) => sha256(LEAF, data);
/** SHA-256(0x01 || left || right). */
export const nodeHash = (left: Uint8Array, right: Uint8Array) => sha256(NODE, left, right);
/** The root of the empty tree: SHA-256 of nothing. */
export const EMPTY_ROOT = sha256();

/** The largest power of two smaller than n (n > 1). */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

const isPowerOfTwo = (n: number) => n > 0 && (n & (n - 1)) === 0;
const levelOf = (size: number) => Math.log2(size);

/**
 * The hash of the complete subtree of 2^level leaves starting at leaf idx × 2^level (level 0: a leaf hash). Every
 * subtree the algorithms below ask for is complete and aligned, so a cache of complete subtrees answers them all.
 */
export type NodeSource = (level: number, idx: number) => Buffer;

/** MTH(D[start:end]). */
export function subtreeRoot(node: NodeSource, start: number, end: number): Buffer {
  const size = end - start;
  if (size === 0) return EMPTY_ROOT;
  if (isPowerOfTwo(size) && start % size === 0) return node(levelOf(size), start / size);
  const k = splitPoint(size);
  return nodeHash(subtreeRoot(node, start, start + k), subtreeRoot(node, start + k, end));
}

/** PATH(m, D[start:end]): the inclusion proof of leaf m (relative to start), leaf side first. */
function path(node: NodeSource, m: number, start: number, end: number): Buffer[] {
  const size = end - start;
  if (size <= 1) return [];
  const k = splitPoint(size);
  if (m < k) return [...path(node, m, start, start + k), subtreeRoot(node, start + k, end)];
  return [...path(node, m - k, start + k, end), subtreeRoot(node, start, start + k)];
}

/** SUBPROOF(m, D[start:end], b). */
function subproof(node: NodeSource, m: number, start: number, end: number, complete: boolean): Buffer[] {
  const size = end - start;
  if (m === size) return complete ? [] : [subtreeRoot(node, start, end)];
  const k = splitPoint(size);
  if (m <= k) return [...subproof(node, m, start, start + k, complete), subtreeRoot(node, start + k, end)];
  return [...subproof(node, m - k, start + k, end, false), subtreeRoot(node, start, start + k)];
}

export function inclusionProof(node: NodeSource, leafIndex: number, treeSize: number): Buffer[] {
  if (leafIndex < 0 || leafIndex >= treeSize) throw new RangeError("the leaf is not in the tree");
  return path(node, leafIndex, 0, treeSize);
}

/** PROOF(m, D[n]): that the tree of size `first` is a prefix of the tree of size `second`. */
export function consistencyProof(node: NodeSource, first: number, second: number): Buffer[] {
  if (first < 0 || first > second) throw new RangeError("the first size must not exceed the second");
  if (first === 0 || first === second) return [];
  return subproof(node, first, 0, second, true);
}

/**
 * The (level, idx) of every cached subtree that a computation reads: run it once against a recording source, fetch
 * those nodes in one query, then run it again against them.
 */
export function nodesRead(compute: (node: NodeSource) => unknown): [number, number][] {
  const keys = new Map<string, [number, number]>();
  compute((level, idx) => {
    keys.set(`${level}:${idx}`, [level, idx]);
    return EMPTY_ROOT;
  });
  return [...keys.values()];
}

// ------------------------------------------------------------------ verification (RFC 9162 §2.1.3.2 and §2.1.4.2)

const equal = (a: Uint8Array, b: Uint8Array) => Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;

/**
 * The walk up the tree that both verifications share (RFC 9162's fn/sn loop): from node `fn` of a level whose last
 * node is `sn`, each hash of the path is a sibling on the left (`left`; the walk then passes the levels where the
 * node, on the tree's right edge, has no sibling) or on the right (`right`). False when the path is longer than the
 * tree is high or ends below its root.
 */
function walkProof(
  fn: number,
  sn: number,
  path: Uint8Array[],
  left: (sibling: Uint8Array) => void,
  right: (sibling: Uint8Array) => void,
): boolean {
  for (const sibling of path) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      left(sibling);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else right(sibling);
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0;
}

/** The root that an inclusion proof leads to from the leaf's hash, or null when the proof has the wrong length. */
export function rootFromInclusionProof(
  leafIndex: number,
  treeSize: number,
  leaf: Uint8Array,
  proof: Uint8Array[],
): Buffer | null {
  if (leafIndex < 0 || leafIndex >= treeSize) return null;
  let r = Buffer.from(leaf);
  const reached = walkProof(
    leafIndex,
    treeSize - 1,
    proof,
    (p) => {
      r = nodeHash(p, r);
    },
    (p) => {
      r = nodeHash(r, p);
    },
  );
  return reached ? r : null;
}

export function verifyInclusion(
  leafIndex: number,
  treeSize: number,
  leaf: Uint8Array,
  proof: Uint8Array[],
  root: Uint8Array,
): boolean {
  const computed = rootFromInclusionProof(leafIndex, treeSize, leaf, proof);
  return computed !== null && equal(computed, root);
}

export function verifyConsistency(
  first: number,
  second: number,
  firstRoot: Uint8Array,
  secondRoot: Uint8Array,
  proof: Uint8Array[],
): boolean {
  if (first < 0 || first > second) return false;
  if (first === second) return proof.length === 0 && equal(firstRoot, secondRoot);
  if (first === 0) return proof.length === 0;
  const path = isPowerOfTwo(first) ? [firstRoot, ...proof] : [...proof];
  if (path.length === 0) return false;
  let fn = first - 1;
  let sn = second - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = Buffer.from(path[0]!);
  let sr = Buffer.from(path[0]!);
  const reached = walkProof(
    fn,
    sn,
    path.slice(1),
    (c) => {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
    },
    (c) => {
      sr = nodeHash(sr, c);
    },
  );
  return reached && equal(fr, firstRoot) && equal(sr, secondRoot);
}
