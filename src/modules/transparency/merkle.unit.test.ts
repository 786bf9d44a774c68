import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  consistencyProof,
  inclusionProof,
  leafHash,
  type NodeSource,
  subtreeRoot,
  verifyConsistency,
  verifyInclusion,
} from "./merkle.js";

// ---- A minimal reference implementation, written from the text of RFC 9162 §2.1.1–2.1.4 (lists of leaf data).
const H = (...parts: Buffer[]) => createHash("sha256").update(Buffer.concat(parts)).digest();
const k = (n: number) => 2 ** Math.ceil(Math.log2(n) - 1);
const MTH = (d: Buffer[]): Buffer =>
  d.length === 0
    ? H()
    : d.length === 1
      ? H(Buffer.from([0]), d[0]!)
      : H(Buffer.from([1]), MTH(d.slice(0, k(d.length))), MTH(d.slice(k(d.length))));
const PATH = (m: number, d: Buffer[]): Buffer[] => {
  if (d.length === 1) return [];
  const s = k(d.length);
  return m < s
    ? [...PATH(m, d.slice(0, s)), MTH(d.slice(s))]
    : [...PATH(m - s, d.slice(s)), MTH(d.slice(0, s))];
};
const SUBPROOF = (m: number, d: Buffer[], b: boolean): Buffer[] => {
  if (m === d.length) return b ? [] : [MTH(d)];
  const s = k(d.length);
  return m <= s
    ? [...SUBPROOF(m, d.slice(0, s), b), MTH(d.slice(s))]
    : [...SUBPROOF(m - s, d.slice(s), false), MTH(d.slice(0, s))];
};
const PROOF = (m: number, d: Buffer[]) => SUBPROOF(m, d, true);

/** Leaf data as in the audit trail: the 32 bytes of a chain hash. */
const data = (n: number) => Array.from({ length: n }, (_, i) => H(Buffer.from(`entry ${i + 1}`)));
/** A node source over complete subtrees of `d`, the way the cache table holds them. */
function source(d: Buffer[]): NodeSource {
  const nodes = new Map<string, Buffer>();
  for (let size = 1; size <= d.length; size *= 2)
    for (let idx = 0; (idx + 1) * size <= d.length; idx++)
      nodes.set(`${Math.log2(size)}:${idx}`, MTH(d.slice(idx * size, (idx + 1) * size)));
  return (level, idx) => {
    const node = nodes.get(`${level}:${idx}`);
    if (!node) throw new Error(`no complete subtree ${level}:${idx}`);
    return node;
  };
}
const hex = (list: Buffer[]) => list.map((b) => b.toString("hex"));

describe("the Merkle tree of RFC 9162", () => {
  it("has the empty root and leaf hash the RFC defines", () => {
    expect(subtreeRoot(source([]), 0, 0).toString("hex")).toBe(
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    );
    // SHA-256(0x00 || "") — the well-known CT leaf hash of empty data.
    expect(leafHash(Buffer.alloc(0)).toString("hex")).toBe(
      "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    );
  });

  it("computes the roots, inclusion and consistency proofs of the reference for every size up to 20", () => {
    let checked = 0;
    for (let n = 1; n <= 20; n++) {
      const d = data(n);
      const root = subtreeRoot(source(d), 0, n);
      expect(root.equals(MTH(d))).toBe(true);
      for (let m = 0; m < n; m++) {
        const proof = inclusionProof(source(d), m, n);
        expect(hex(proof)).toEqual(hex(PATH(m, d)));
        expect(verifyInclusion(m, n, leafHash(d[m]!), proof, root)).toBe(true);
        checked++;
      }
      for (let m = 1; m <= n; m++) {
        const proof = consistencyProof(source(d), m, n);
        expect(hex(proof)).toEqual(hex(PROOF(m, d)));
        expect(verifyConsistency(m, n, MTH(d.slice(0, m)), root, proof)).toBe(true);
        checked++;
      }
    }
    expect(checked).toBe(2 * ((20 * 21) / 2));
  });

  it("rejects a proof for another leaf, a changed hash, a forked tree or a shorter history", () => {
    const d = data(13);
    const root = MTH(d);
    const proof = inclusionProof(source(d), 5, 13);
    expect(verifyInclusion(6, 13, leafHash(d[5]!), proof, root)).toBe(false);
    expect(verifyInclusion(5, 13, leafHash(d[6]!), proof, root)).toBe(false);
    expect(verifyInclusion(5, 13, leafHash(d[5]!), proof.slice(1), root)).toBe(false);

    // A fork: the same first 7 entries, then different ones.
    const fork = [...d.slice(0, 7), ...data(20).slice(13, 19)];
    const forkProof = consistencyProof(source(fork), 9, 13);
    expect(verifyConsistency(9, 13, MTH(d.slice(0, 9)), MTH(fork), forkProof)).toBe(false);
    expect(
      verifyConsistency(7, 13, MTH(d.slice(0, 7)), MTH(fork), consistencyProof(source(fork), 7, 13)),
    ).toBe(true);
    // A rollback: a head of 13 cannot be followed by one of 10.
    expect(verifyConsistency(13, 10, root, MTH(d.slice(0, 10)), [])).toBe(false);
  });
});
