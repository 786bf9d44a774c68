import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Config } from "../../config.js";
import { isProcessAlive } from "../../db/data-dir-lock.js";
import {
  closePool,
  createKysely,
  createPool,
  type Database,
  type Logger,
  openDatabase,
} from "../../db/database.js";

/**
 * The database of an instance for a maintenance command (backup, restore). With DATABASE_URL it is that server.
 * With the embedded PostgreSQL it is the running instance's own PostgreSQL when an Accord holds the data
 * directory (read from its postmaster.pid and secret: the backup runs while Accord serves), else the embedded
 * PostgreSQL started for this command.
 */
export async function openForMaintenance(config: Config, log: Logger): Promise<Database> {
  if (config.databaseUrl) return openDatabase(config, log, 4);
  const lockFile = path.join(config.dataDir, "accord.lock");
  const pidFile = path.join(config.dataDir, "pg", "postmaster.pid");
  const holder = existsSync(lockFile) ? Number(readFileSync(lockFile, "utf8").trim()) : Number.NaN;
  if (isProcessAlive(holder) && holder !== process.pid && existsSync(pidFile)) {
    const lines = readFileSync(pidFile, "utf8").split("\n");
    const port = Number(lines[3]);
    const password = readFileSync(path.join(config.dataDir, "pg-secret"), "utf8").trim();
    log("info", `Using the embedded PostgreSQL of the running Accord (pid ${holder}) on port ${port}`);
    const pool = createPool(
      `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/accord`,
      4,
    );
    const db = createKysely(pool);
    return {
      db,
      pool,
      readDb: undefined,
      kind: "embedded",
      embedded: undefined,
      close: () => closePool(db, pool),
    };
  }
  return openDatabase(config, log, 4);
}
