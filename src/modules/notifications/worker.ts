import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { Logger, type Runner, run, type TaskList } from "graphile-worker";
import type pg from "pg";
import type { Config } from "../../config.js";
import { createPool, type Db, withErrorListeners } from "../../db/database.js";
import { expireDueOffers, reallocateDue } from "../catalogue/index.js";
import { pushHead, signAndPublish, signingCron } from "../transparency/index.js";
import { queueDigests } from "./digest.queries.js";
import { type DeliveryOptions, deliverDue, type Transport, transportFor } from "./mail/delivery.js";
import { dueMailExists } from "./notifications.queries.js";
import { runReminders } from "./reminders.js";

export interface NotificationWorker {
  readonly id: string;
  stop(): Promise<void>;
}

/**
 * The job queue's schedule (graphile-worker crontab: each item runs once across all instances). The sweep is a
 * safety net for a wake-up lost with a crashed worker; reminders run hourly and are idempotent per period.
 */
export const crontab = (config: Config) =>
  [
    "* * * * * mail_sweep",
    "7 * * * * reminders_run",
    "0 6 * * * mail_digest",
    // Seat offers left unanswered past their time expire and move on to the next waitlisted nomination.
    "* * * * * seat_offers_expire",
    // On an event's re-allocation date its allocated seats not held return to the pool and are offered to the
    // waiting list (once per event: the event is marked re-allocated under its row lock).
    "*/10 * * * * seats_reallocate",
    // A signed head of the audit trail's transparency log each period when it has grown (and at least hourly),
    // published to the head file and the witnesses; one per period across all instances (signAndPublish).
    `${signingCron(config.transparency.signEveryMinutes)} transparency_sign`,
  ].join("\n");

const wakeKey = (at: Date) => `mail_deliver.at.${Math.ceil(at.getTime() / 1000)}`;

export function taskList(deps: {
  db: Db;
  config: Config;
  transport: Transport;
  workerId: string;
  log?: (level: "info" | "warn", message: string) => void;
}): TaskList {
  const options: DeliveryOptions = {
    db: deps.db,
    config: deps.config.mail,
    publicUrl: deps.config.publicUrl,
    transport: deps.transport,
    workerId: deps.workerId,
  };
  return {
    mail_deliver: async (_payload, helpers) => {
      const result = await deliverDue(options);
      // Wake up again when the next retry or an abandoned claim falls due; one job per second, whoever adds it.
      if (result.nextDueAt)
        await helpers.addJob(
          "mail_deliver",
          {},
          { jobKey: wakeKey(result.nextDueAt), runAt: result.nextDueAt },
        );
    },
    mail_sweep: async (_payload, helpers) => {
      if (await dueMailExists(deps.db)) await helpers.addJob("mail_deliver", {}, { jobKey: "mail_deliver" });
    },
    reminders_run: async () => {
      await runReminders(deps.db, new Date());
    },
    mail_digest: async () => {
      await queueDigests(deps.db, new Date());
    },
    seat_offers_expire: async () => {
      await expireDueOffers(deps.db, deps.config, new Date());
    },
    seats_reallocate: async () => {
      await reallocateDue(deps.db, deps.config, new Date());
    },
    transparency_sign: async (payload, helpers) => {
      await signAndPublish(deps.db, deps.config, {
        cronTime: (payload as { _cron?: { ts?: string } } | null)?._cron?.ts,
        // One pending push per witness (a newer head replaces it), retried with back-off while it is unreachable.
        push: (to) =>
          helpers.addJob("transparency_push", { to }, { jobKey: `transparency_push:${to}`, maxAttempts: 12 }),
      });
    },
    transparency_push: async (payload) => {
      const to = (payload as { to?: unknown } | null)?.to;
      if (typeof to !== "string" || !deps.config.transparency.witnesses.includes(to)) return;
      const { head, reply } = await pushHead(deps.db, deps.config, to);
      // An alarm is the witness's to raise and keep; pushing the same head again would raise it again.
      if (reply.status === "alarm")
        deps.log?.(
          "warn",
          `transparency log: the witness ${to} raised an alarm on the head of size ${head.treeSize}: ${reply.message}`,
        );
    },
  };
}

/**
 * Starts the job queue's worker in this process: mail delivery, reminders and digests. Every `accord serve` runs
 * one (unless ACCORD_WORKER=false) and `accord worker` runs only this.
 */
export async function startNotificationWorker(input: {
  pool: pg.Pool;
  db: Db;
  config: Config;
  log?: (level: "info" | "warn", message: string) => void;
  transport?: Transport;
  crontab?: string;
}): Promise<NotificationWorker> {
  const id = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const transport = input.transport ?? transportFor(input.config.mail, input.db);
  const log = input.log ?? (() => {});
  const logger = new Logger(() => (level, message) => {
    if (level === "error" || level === "warning") log("warn", `job queue: ${message}`);
  });
  // The queue LISTENs for new jobs on a connection it keeps: behind a transaction-mode pooler that session is not
  // its own, so it gets a direct connection when DATABASE_DIRECT_URL names one (else it finds jobs by polling).
  const directUrl = input.config.databaseDirectUrl;
  const ownPool = directUrl ? createPool(directUrl, 4) : undefined;
  if (!ownPool && input.config.databasePooler === "transaction")
    log(
      "warn",
      "job queue: DATABASE_POOLER=transaction without DATABASE_DIRECT_URL; new jobs are found by polling",
    );
  const runner: Runner = await run({
    // Accord's pools carry error listeners already (createPool); any other pool gets them here, for good: a
    // terminated connection of the queue (its LISTEN client, a job's query) must never end the process.
    pgPool: withErrorListeners(ownPool ?? input.pool),
    // The queue names its statements: through a transaction-mode pooler a name prepared on one server connection
    // is missing on the next (PgBouncer before 1.21), and every poll would fail.
    noPreparedStatements: !ownPool && input.config.databasePooler === "transaction",
    concurrency: 2,
    noHandleSignals: true,
    pollInterval: 2000,
    logger,
    taskList: taskList({ db: input.db, config: input.config, transport, workerId: id, log }),
    crontab: input.crontab ?? crontab(input.config),
  });
  // Whatever was queued while no worker ran.
  await runner.addJob("mail_deliver", {}, { jobKey: "mail_deliver" });
  return {
    id,
    async stop() {
      await runner.stop();
      transport.close();
      await ownPool?.end();
    },
  };
}
