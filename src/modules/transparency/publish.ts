import { appendFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import type { Config } from "../../config.js";
import type { Db } from "../../db/database.js";
import type { SignedHead } from "./heads.js";
import { consistencyProof } from "./merkle.js";
import * as queries from "./transparency.queries.js";
import { periodOf, signIfDue, signNow } from "./transparency.service.js";
import { extendTree, withNodes } from "./tree.queries.js";

/**
 * Where scheduled heads go besides `GET /api/transparency/sth`: a file of heads (one JSON line each, appended) that
 * an operator copies elsewhere, and witness instances (POST /api/transparency/witness, with the consistency proof
 * the witness asks for).
 */
export function appendHeadFile(file: string, head: SignedHead): void {
  mkdirSync(path.dirname(file), { recursive: true });
  appendFileSync(file, `${JSON.stringify(head)}\n`, { mode: 0o644 });
}

export interface WitnessReply {
  status: "accepted" | "unchanged" | "proof_needed" | "alarm";
  heldSize?: number;
  kind?: string;
  message?: string;
}

/** Hands the newest signed head to a witness, with the consistency proof from the head it holds when it asks. */
export async function pushHead(
  db: Db,
  config: Config,
  to: string,
): Promise<{ head: SignedHead; reply: WitnessReply }> {
  const url = `${to.replace(/\/+$/, "")}/api/transparency/witness`;
  const post = async (body: unknown) => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    const reply = (await response.json().catch(() => ({}))) as WitnessReply;
    if (!response.ok) throw new Error(`${url} answered ${response.status}: ${reply.message ?? ""}`);
    return reply;
  };
  const head = (await queries.findHead(db)) ?? (await signNow(db, config));
  const first = await post({ head });
  if (first.status !== "proof_needed" || first.heldSize === undefined) return { head, reply: first };
  if (first.heldSize > head.treeSize)
    return {
      head,
      reply: {
        status: "alarm",
        kind: "rollback",
        message: `the witness holds a head of size ${first.heldSize}, larger than this log's newest (${head.treeSize})`,
      },
    };
  await extendTree(db, head.treeSize);
  const proof = await withNodes(db, (node) => consistencyProof(node, first.heldSize!, head.treeSize));
  const reply = await post({
    head,
    consistency: { fromSize: first.heldSize, proof: proof.map((hash) => hash.toString("hex")) },
  });
  return { head, reply };
}

/**
 * The job queue's `transparency_sign`: a head for the period when one is due (`signIfDue`), appended to the head
 * file and handed to each witness (`push`: the caller queues one push job per witness, retried on its own). Only
 * the instance whose head was stored publishes it.
 */
export async function signAndPublish(
  db: Db,
  config: Config,
  input: { now?: Date; cronTime?: string | undefined; push: (to: string) => Promise<unknown> },
): Promise<SignedHead | null> {
  const now = input.now ?? new Date();
  const period = periodOf(
    input.cronTime ? new Date(input.cronTime) : now,
    config.transparency.signEveryMinutes,
  );
  const head = await signIfDue(db, config, now, period);
  if (!head) return null;
  if (config.transparency.headFile) appendHeadFile(config.transparency.headFile, head);
  for (const to of config.transparency.witnesses) await input.push(to);
  return head;
}

/** The crontab line of the signing period (SIGN_PERIODS: minutes dividing an hour, or hours dividing a day). */
export const signingCron = (minutes: number) =>
  minutes < 60 ? `*/${minutes} * * * *` : `0 */${minutes / 60} * * *`;
