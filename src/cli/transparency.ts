import { readFileSync, writeFileSync } from "node:fs";
import type { Command } from "commander";
import { loadConfig } from "../config.js";
import type { Db } from "../db/database.js";
import { parsePublicKey, type SignedHead } from "../modules/transparency/heads.js";
import { pushHead, signNow } from "../modules/transparency/index.js";
import * as queries from "../modules/transparency/transparency.queries.js";
import { inclusion } from "../modules/transparency/transparency.service.js";
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
/** One head (`accord audit sth > head.json`) or a file of heads, one JSON line each (ACCORD_TLOG_HEAD_FILE). */
const readHeads = (file: string): SignedHead[] => {
  const text = readFileSync(file, "utf8").trim();
  if (!text) throw new Error(`${file} holds no head`);
  try {
    return [JSON.parse(text) as SignedHead];
  } catch {
    return text.split("\n").map((line) => JSON.parse(line) as SignedHead);
  }
};

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
    .option(
      "--old-key <file>",
      "the older head's key when the log rotated its key in between (default: --key)",
    )
    .action(
      (options: {
        head: string;
        key?: string;
        inclusion?: string;
        consistency?: string;
        oldHead?: string;
        oldKey?: string;
      }) => {
        const result = verifyFiles({
          head: readJson<SignedHead>(options.head),
          ...(options.key ? { key: parsePublicKey(readFileSync(options.key, "utf8")) } : {}),
          ...(options.inclusion ? { inclusion: readJson<InclusionBundle>(options.inclusion) } : {}),
          ...(options.consistency ? { consistency: readJson(options.consistency) } : {}),
          ...(options.oldHead ? { oldHead: readJson<SignedHead>(options.oldHead) } : {}),
          ...(options.oldKey ? { oldKey: parsePublicKey(readFileSync(options.oldKey, "utf8")) } : {}),
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
    .argument("<file>", "the kept head, or a file of heads one JSON line each (ACCORD_TLOG_HEAD_FILE)")
    .option(
      "--key <files...>",
      "the public keys to trust (PEM or base64 SPKI; old and new across a rotation)",
    )
    .action(async (file: string, options: { key?: string[] }) => {
      const heads = readHeads(file);
      const keys = (options.key ?? []).map((keyFile) => parsePublicKey(readFileSync(keyFile, "utf8")));
      const problems = await withDatabase(({ db }) => checkHeadAgainstLog(db, heads, keys));
      const last = heads[heads.length - 1]!;
      if (!problems.length)
        say(
          `The log extends the ${heads.length === 1 ? "kept head" : `${heads.length} kept heads, the newest`} of size ${last.treeSize} (signed ${last.timestamp})`,
        );
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
      const { reply } = await withDatabase(({ db }) => pushHead(db, loadConfig(), options.to));
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
      "--key <files...>",
      "the watched log's public keys (PEM or base64 SPKI; the old and the new one across a rotation); default: the key of the first head",
    )
    .action(async (options: { from: string; state: string; key?: string[] }) => {
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
      const keyTexts = options.key?.length
        ? options.key.map((keyFile) => readFileSync(keyFile, "utf8"))
        : [(held ?? received).publicKey];
      const needsProof = held && received.treeSize > held.treeSize;
      const proof = needsProof
        ? (
            await get<{ proof: string[] }>(
              `/api/transparency/consistency?first=${held!.treeSize}&second=${received.treeSize}`,
            )
          ).proof
        : undefined;
      const verdict = judgeHead({ held, received, proof, trustedKeys: keyTexts.map(parsePublicKey) });
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
