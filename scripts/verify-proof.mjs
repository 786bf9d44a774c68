#!/usr/bin/env node
/**
 * Checks Accord's transparency-log proofs with nothing but Node.js (node:crypto): no database, no Accord install.
 *
 *   node scripts/verify-proof.mjs --head head.json [--key log-key.pem] [--inclusion proof.json]
 *        [--consistency consistency.json --old-head older-head.json [--old-key old-log-key.pem]]
 * (--old-key: the older head's key when the log rotated its key in between; default --key)
 *
 * head.json: GET /api/transparency/sth (or `accord audit sth`); proof.json: the web app's "download proof" or
 * `accord audit proof <seq>`; consistency.json: GET /api/transparency/consistency?first=M&second=N.
 * Hashing and proof checking follow RFC 9162 §2.1; the head's signed text is described in docs/operations.md.
 * Exit status 0 when every check holds, 1 otherwise; each line says what held or failed.
 */
import { createHash, createPublicKey, verify } from "node:crypto";
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";

const { values: args } = parseArgs({
  options: {
    head: { type: "string" },
    key: { type: "string" },
    inclusion: { type: "string" },
    consistency: { type: "string" },
    "old-head": { type: "string" },
    "old-key": { type: "string" },
  },
});
if (!args.head) {
  console.error(
    "usage: verify-proof.mjs --head head.json [--key key.pem] [--inclusion proof.json] [--consistency c.json --old-head old.json]",
  );
  process.exit(1);
}
const readJson = (file) => JSON.parse(readFileSync(file, "utf8"));
const sha256 = (...parts) => {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part);
  return hash.digest();
};
const node = (left, right) => sha256(Buffer.from([1]), left, right);
const hex = (text) => Buffer.from(text, "hex");

const publicKey = (text) =>
  text.trim().startsWith("-----")
    ? createPublicKey(text.trim())
    : createPublicKey({ key: Buffer.from(text.trim(), "base64"), format: "der", type: "spki" });

function headProblem(head, key) {
  const k = key ?? publicKey(head.publicKey);
  const keyId = sha256(k.export({ type: "spki", format: "der" }))
    .toString("hex")
    .slice(0, 16);
  if (keyId !== head.keyId) return `it names key ${head.keyId}, but the key checked is ${keyId}`;
  const text = `accord-transparency-log/v1\n${head.origin}\n${head.treeSize}\n${head.rootHash}\n${head.timestamp}\n${head.keyId}\n`;
  return verify(null, Buffer.from(text), k, Buffer.from(head.signature, "base64"))
    ? null
    : "its signature does not verify";
}

// RFC 9162 §2.1.3.2
function verifyInclusion(leafIndex, treeSize, leaf, proof, root) {
  if (leafIndex >= treeSize) return false;
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = node(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else r = node(r, p);
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r.equals(root);
}

// RFC 9162 §2.1.4.2
function verifyConsistency(first, second, firstRoot, secondRoot, proof) {
  if (first > second) return false;
  if (first === second) return proof.length === 0 && firstRoot.equals(secondRoot);
  if (first === 0) return proof.length === 0;
  const path = (first & (first - 1)) === 0 ? [firstRoot, ...proof] : [...proof];
  if (!path.length) return false;
  let fn = first - 1;
  let sn = second - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0];
  let sr = path[0];
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = node(c, fr);
      sr = node(c, sr);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else sr = node(sr, c);
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && fr.equals(firstRoot) && sr.equals(secondRoot);
}

let ok = true;
const check = (passed, good, bad) => {
  ok &&= passed;
  (passed ? console.log : console.error)(passed ? `ok: ${good}` : `FAILED: ${bad}`);
};
const key = args.key ? publicKey(readFileSync(args.key, "utf8")) : undefined;
const head = readJson(args.head);
const problem = headProblem(head, key);
check(
  !problem,
  `head of size ${head.treeSize} signed ${head.timestamp} by key ${head.keyId}${key ? "" : " (the key the head carries: pin one with --key)"}`,
  `head of size ${head.treeSize}: ${problem}`,
);
if (args.inclusion) {
  const p = readJson(args.inclusion);
  check(
    sha256(Buffer.from([0]), hex(p.chainHash)).toString("hex") === p.leafHash,
    `entry ${p.seq}: leaf hash = SHA-256(0x00 || chain hash)`,
    `entry ${p.seq}: the leaf hash is not SHA-256(0x00 || chain hash ${p.chainHash})`,
  );
  check(
    p.treeSize === head.treeSize &&
      verifyInclusion(p.leafIndex, p.treeSize, hex(p.leafHash), p.proof.map(hex), hex(head.rootHash)),
    `entry ${p.seq} (leaf ${p.leafIndex}) is in the log at tree size ${p.treeSize}`,
    `entry ${p.seq} (leaf ${p.leafIndex}): the inclusion proof does not lead to the root of the head of size ${head.treeSize}`,
  );
}
if (args.consistency) {
  const c = readJson(args.consistency);
  if (!args["old-head"]) check(false, "", "a consistency proof needs the older head (--old-head)");
  else {
    const old = readJson(args["old-head"]);
    const oldKey = args["old-key"] ? publicKey(readFileSync(args["old-key"], "utf8")) : key;
    const oldProblem = headProblem(old, oldKey);
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
          hex(old.rootHash),
          hex(head.rootHash),
          c.proof.map(hex),
        ),
      `the log of size ${head.treeSize} extends the log of size ${old.treeSize}`,
      `the head of size ${head.treeSize} does not extend the head of size ${old.treeSize} (a fork or a rewritten history)`,
    );
  }
}
process.exit(ok ? 0 : 1);
