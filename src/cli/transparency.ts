import { readFileSync, writeFileSync } from "node:fs";
import type { Command } from "commander";
import { loadConfig } from "../config.js";
import type { Db } from "../db/database.js";
import { parsePublicKey, type SignedHead } from "../modules/transparency/heads.js";
import { signNow } from "../modules/transparency/index.js";
import * as queries from "../modules/transparency/transparency.queries.js";
import { consistency, inclusion } from "../modules/transparency/transparency.service.js";
import { currentTreeSize } from "../modules/transparency/tree.queries.js";
import {
  checkHeadAgainstLog,
  type InclusionBundle,
  verifyFiles,
  verifyLog,
} from "../modules/transparency/verify.js";
import { judgeHead } from "../modules/transparency/witness.js";
import type { Ctx } from "../platform/http/request-context.js";

type WithDb = <T>(run: (database: { db: Db }) => Promise<T>) => Promise<T>;
const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, "utf8")) as T;
const say = (message: string) => console.log(message);

/** Reports the log's own checks after the chain's (`accord audit verify`); false when any fails. */
export async function verifyTransparencyLog(db: Db): Promise<boolean> {
  const verdict = await verifyLog(db);
  if (verdict.ok)
    say(`Transparency log verified: ${verdict.entries} leaves, ${verdict.heads} signed head(s)`);
  for (const problem of verdict.problems) console.error(`Transparency log: ${problem}`);
  return verdict.ok;
}

/** `accord audit sth | proof | verify-proof | check-head | witness` (issue 25). */
export function registerTransparencyCommands(audit: Command, withDatabase: WithDb, cliCtx: (db: Db) => Ctx) {
  audit
    .command("sth")
    .description("Print the newest signed tree head as JSON, signing one now if the log has grown")
    .action(async () => {
      const head = await withDatabase(async ({ db }) => {
        const latest = await queries.findHead(db);
        if (latest && latest.treeSize === (await currentTreeSize(db))) return latest;
        return signNow(db, loadConfig());
      });
      say(JSON.stringify(head, null, 2));
    });

  audit
    .command("proof")
    .description("Print the inclusion proof of an audit entry (in the newest signed head) as JSON")
    .argument("<seq>", "the entry's sequence number")
    .action(async (seq: string) => {
      const proof = await withDatabase(({ db }) => inclusion(cliCtx(db), Number(seq)));
      say(JSON.stringify(proof, null, 2));
    });

  audit
    .command("verify-proof")
    .description("Check a signed head, and an inclusion or consistency proof, from files (no database)")
    .requiredOption("--head <file>", "a signed head (JSON)")
    .option(
      "--key <file>",
      "the log's public key (PEM or base64 SPKI) to pin; default: the key the head carries",
    )
    .option("--inclusion <file>", "an inclusion proof (`accord audit proof`, or the web app's download)")
    .option("--consistency <file>", "a consistency proof (GET /api/transparency/consistency)")
    .option("--old-head <file>", "the older head the consistency proof starts from")
    .action(
      (options: {
        head: string;
        key?: string;
        inclusion?: string;
        consistency?: string;
        oldHead?: string;
      }) => {
        const result = verifyFiles({
          head: readJson<SignedHead>(options.head),
          ...(options.key ? { key: parsePublicKey(readFileSync(options.key, "utf8")) } : {}),
          ...(options.inclusion ? { inclusion: readJson<InclusionBundle>(options.inclusion) } : {}),
          ...(options.consistency ? { consistency: readJson(options.consistency) } : {}),
          ...(options.oldHead ? { oldHead: readJson<SignedHead>(options.oldHead) } : {}),
        });
        for (const line of result.lines) (result.ok ? console.log : console.error)(line);
        process.exit(result.ok ? 0 : 1);
      },
    );

  audit
    .command("check-head")
    .description(
      "The file witness: check a head kept elsewhere (`accord audit sth > head.json`) against this log",
    )
    .argument("<file>", "the kept head")
    .option("--key <file>", "the public key to pin (PEM or base64 SPKI)")
    .action(async (file: string, options: { key?: string }) => {
      const head = readJson<SignedHead>(file);
      const key = options.key ? parsePublicKey(readFileSync(options.key, "utf8")) : undefined;
      const problems = await withDatabase(({ db }) => checkHeadAgainstLog(db, head, key));
      if (!problems.length)
        say(`The log extends the kept head of size ${head.treeSize} (signed ${head.timestamp})`);
      for (const problem of problems) console.error(`${file}: ${problem}`);
      if (problems.length) process.exit(2);
    });

  audit
    .command("push")
    .description(
      "Hand the newest signed head to a witness instance (POST /api/transparency/witness), with the proof it asks for",
    )
    .requiredOption("--to <url>", "the witness's address")
    .action(async (options: { to: string }) => {
      const url = `${options.to.replace(/\/+$/, "")}/api/transparency/witness`;
      const post = async (body: unknown) => {
        const response = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
        });
        const reply = (await response.json()) as { status?: string; heldSize?: number; message?: string };
        if (!response.ok) throw new Error(`${url} answered ${response.status}: ${reply.message ?? ""}`);
        return reply;
      };
      const reply = await withDatabase(async ({ db }) => {
        const head = (await queries.findHead(db)) ?? (await signNow(db, loadConfig()));
        const first = await post({ head });
        if (first.status !== "proof_needed" || first.heldSize === undefined) return first;
        const proof = await consistency(cliCtx(db), first.heldSize, head.treeSize);
        return post({ head, consistency: { fromSize: first.heldSize, proof: proof.proof } });
      });
      if (reply.status === "alarm") {
        console.error(`The witness raised an alarm: ${reply.message}`);
        process.exit(2);
      }
      say(`Witness ${options.to}: ${reply.status}`);
    });

  audit
    .command("witness")
    .description(
      "Witness another instance: fetch its newest head, check it extends the one in --state, keep it; exit 2 on a fork or rollback",
    )
    .requiredOption("--from <url>", "the other instance's address, e.g. https://accord.example.org")
    .requiredOption("--state <file>", "where the held head is kept between runs")
    .option(
      "--key <file>",
      "the watched log's public key (PEM or base64 SPKI); default: the key of the first head",
    )
    .action(async (options: { from: string; state: string; key?: string }) => {
      const base = options.from.replace(/\/+$/, "");
      const get = async <T>(path: string): Promise<T> => {
        const response = await fetch(`${base}${path}`);
        if (!response.ok) throw new Error(`${base}${path} answered ${response.status}`);
        return (await response.json()) as T;
      };
      let held: SignedHead | null = null;
      try {
        held = readJson<SignedHead>(options.state);
      } catch {
        held = null;
      }
      const received = await get<SignedHead>("/api/transparency/sth");
      const keyText = options.key ? readFileSync(options.key, "utf8") : (held ?? received).publicKey;
      const needsProof = held && received.treeSize > held.treeSize;
      const proof = needsProof
        ? (
            await get<{ proof: string[] }>(
              `/api/transparency/consistency?first=${held!.treeSize}&second=${received.treeSize}`,
            )
          ).proof
        : undefined;
      const verdict = judgeHead({ held, received, proof, trustedKeys: [parsePublicKey(keyText)] });
      if (verdict.status === "alarm") {
        console.error(`ALARM (${verdict.kind}) from ${base}: ${verdict.message}`);
        console.error(`The held head stays in ${options.state}; the received one was not kept.`);
        process.exit(2);
      }
      if (verdict.status === "accepted")
        writeFileSync(options.state, `${JSON.stringify(received, null, 2)}\n`);
      say(
        verdict.status === "accepted"
          ? `Accepted the head of size ${received.treeSize} from ${base}${held ? ` (extends size ${held.treeSize})` : " (first head held)"}`
          : `Unchanged: ${base} still at size ${received.treeSize}`,
      );
    });
}
