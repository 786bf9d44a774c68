import type { KeyObject } from "node:crypto";
import { headProblem, type SignedHead } from "./heads.js";
import { verifyConsistency } from "./merkle.js";

export type WitnessVerdict =
  | { status: "accepted" | "unchanged" }
  | { status: "proof_needed"; heldSize: number }
  | { status: "alarm"; kind: "fork" | "rollback" | "bad_signature"; message: string };

const describe = (head: SignedHead) =>
  `size ${head.treeSize}, root ${head.rootHash.slice(0, 16)}…, signed ${head.timestamp}`;

/**
 * What a witness makes of a new head of a log it watches, given the head it holds (if any) and a consistency proof
 * from the held size to the new one (hex hashes). Pure: the API route and `accord audit witness` share it.
 */
export function judgeHead(input: {
  held: SignedHead | null;
  received: SignedHead;
  proof?: string[] | undefined;
  /** The keys the witness trusts for this log (a log that rotates its key has two for a while). */
  trustedKeys: KeyObject[];
}): WitnessVerdict {
  const { held, received } = input;
  const where = `log ${received.origin}`;
  const problems = input.trustedKeys.map((key) => headProblem(received, key));
  if (!problems.includes(null))
    return {
      status: "alarm",
      kind: "bad_signature",
      message: `${where}: the head (${describe(received)}) is not signed by a trusted key: ${problems[0] ?? "no key is trusted"}`,
    };
  if (!held) return { status: "accepted" };
  if (received.treeSize < held.treeSize)
    return {
      status: "alarm",
      kind: "rollback",
      message: `${where} ROLLED BACK: it now shows ${describe(received)}, but it had already signed ${describe(held)}; entries ${received.treeSize + 1} to ${held.treeSize} are gone (a deletion or an older backup restored)`,
    };
  if (received.treeSize === held.treeSize) {
    if (received.rootHash === held.rootHash) return { status: "unchanged" };
    return {
      status: "alarm",
      kind: "fork",
      message: `${where} FORKED: two different roots signed for size ${held.treeSize}: held ${describe(held)}, received ${describe(received)}; some of its first ${held.treeSize} entries were changed`,
    };
  }
  if (!input.proof) return { status: "proof_needed", heldSize: held.treeSize };
  const proof = input.proof.map((hash) => Buffer.from(hash, "hex"));
  const consistent = verifyConsistency(
    held.treeSize,
    received.treeSize,
    Buffer.from(held.rootHash, "hex"),
    Buffer.from(received.rootHash, "hex"),
    proof,
  );
  if (consistent) return { status: "accepted" };
  return {
    status: "alarm",
    kind: "fork",
    message: `${where} FORKED: the head ${describe(received)} does not extend the held head ${describe(held)} (the consistency proof fails): some of its first ${held.treeSize} entries differ from what was signed before (an edit, or another instance restored from the same backup)`,
  };
}
