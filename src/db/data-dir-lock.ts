import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import path from "node:path";

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holderPid: number,
  ) {
    super(
      `The data directory ${dataDir} is in use by another Accord process (pid ${holderPid}). ` +
        "Stop that process, or point ACCORD_DATA_DIR at another directory, or set DATABASE_URL to share a PostgreSQL server.",
    );
  }
}

export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export interface DataDirLock {
  release(): void;
}

/**
 * One Accord per data directory. The lock file is created with O_EXCL so two starters cannot both win;
 * a lock left by a process that no longer exists (a crash, SIGKILL) is taken over and reported.
 */
export function lockDataDir(dataDir: string, onStaleLock: (pid: number) => void): DataDirLock {
  const lockPath = path.join(dataDir, "accord.lock");
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(lockPath, "wx", 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return {
        release() {
          try {
            if (readFileSync(lockPath, "utf8").trim() === String(process.pid)) unlinkSync(lockPath);
          } catch {
            // already gone: nothing to release
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    let holder = Number.NaN;
    try {
      holder = Number(readFileSync(lockPath, "utf8").trim());
    } catch {
      continue; // removed between our open and read: try again
    }
    if (holder !== process.pid && isProcessAlive(holder)) throw new DataDirLockedError(dataDir, holder);
    onStaleLock(holder);
    try {
      unlinkSync(lockPath);
    } catch {
      // another starter removed it first; the next O_EXCL open decides
    }
  }
  throw new Error(`Could not take the lock ${lockPath}`);
}
