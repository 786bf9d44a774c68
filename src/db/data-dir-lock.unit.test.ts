import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DataDirLockedError, lockDataDir } from "./data-dir-lock.js";

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), "accord-lock-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("data directory lock", () => {
  it("refuses a second holder while the first is alive, naming the holder's pid", () => {
    const dir = tempDir();
    // The parent of this test process is alive and is not us: it stands in for another Accord.
    writeFileSync(path.join(dir, "accord.lock"), String(process.ppid));
    expect(() => lockDataDir(dir, () => {})).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir, () => {})).toThrow(new RegExp(`pid ${process.ppid}`));
  });

  it("takes over a lock left by a process that no longer exists, and says so", () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "accord.lock"), "999999");
    const stale: number[] = [];
    const lock = lockDataDir(dir, (pid) => stale.push(pid));
    expect(stale).toEqual([999999]);
    expect(readFileSync(path.join(dir, "accord.lock"), "utf8")).toBe(String(process.pid));
    lock.release();
    const again = lockDataDir(dir, () => {});
    again.release();
  });
});
