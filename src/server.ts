import type { FastifyInstance } from "fastify";
import { buildApp } from "./app.js";
import type { Config } from "./config.js";
import { type Database, openDatabase } from "./db/database.js";
import { migrate } from "./db/migrate.js";
import { type NotificationWorker, startNotificationWorker } from "./modules/notifications/index.js";
import { seedDemo } from "./seed/demo.js";

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  url: string;
  /** The job queue's worker (mail, reminders), unless ACCORD_WORKER=false. */
  worker: NotificationWorker | undefined;
  stop(): Promise<void>;
}

export interface ServerOptions {
  demo?: boolean;
  /**
   * The embedded PostgreSQL exited and could not be restarted (see embedded-postgres.ts): `accord serve` stops
   * and exits with status 1 for its supervisor. Without this option the server keeps answering 503.
   */
  onDatabaseLost?: (error: Error) => void;
}

/** Opens the database, migrates it, optionally loads the demo, and listens. */
export async function startServer(config: Config, options: ServerOptions = {}): Promise<RunningServer> {
  const started = Date.now();
  const log = (level: "info" | "warn" | "debug", message: string) => {
    if (level === "debug" && config.logLevel !== "debug") return;
    console[level === "warn" ? "warn" : "log"](`[accord] ${message}`);
  };
  let mark = started;
  const phase = (name: string) => {
    const now = Date.now();
    log("debug", `startup: ${name} in ${now - mark} ms`);
    mark = now;
  };
  const database = await openDatabase(
    config,
    log,
    20,
    options.onDatabaseLost ? { onEmbeddedGiveUp: options.onDatabaseLost } : {},
  );
  phase(`database (${database.kind})`);
  let app: FastifyInstance | undefined;
  let worker: NotificationWorker | undefined;
  try {
    await migrate(database.pool, (message) => log("info", message));
    phase("migration check");
    if (options.demo ?? config.demo) {
      await seedDemo(database.db, { demoAccounts: true, log: (m) => log("info", m) });
      phase("demo seed");
    }
    app = await buildApp({ config, db: database.db, readDb: database.readDb });
    phase("app built");
    await app.listen({ host: config.host, port: config.port });
    phase("listening");
    if (config.mail.worker) {
      worker = await startNotificationWorker({
        pool: database.pool,
        db: database.db,
        config,
        log: (level, message) => log(level, message),
      });
      phase("job queue worker");
    }
  } catch (error) {
    await worker?.stop().catch(() => {});
    await app?.close().catch(() => {});
    await database.close().catch(() => {});
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const url = `http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${port}`;
  log("info", `Accord is ready at ${url} (${database.kind} PostgreSQL, ${Date.now() - started} ms)`);
  let stopping: Promise<void> | undefined;
  const running = app;
  const runningWorker = worker;
  return {
    app: running,
    database,
    url,
    worker,
    stop() {
      stopping ??= (async () => {
        await runningWorker?.stop().catch(() => {});
        await running.close();
        await database.close();
      })();
      return stopping;
    },
  };
}
