import { describe, expect, inject, it } from "vitest";
import { skipBecause } from "../support/skip.js";
import { runCrashLoop } from "./crash-loop.js";

// Quick modes of the crash loop; the long mode is `npm run reliability:crash -- --cycles 500`.
describe("durability under crashes", () => {
  it("keeps every acknowledged write when Accord or its embedded PostgreSQL is killed mid-write (embedded only)", async (context) => {
    if (inject("pgKind") !== "embedded")
      skipBecause(
        context,
        "kills the embedded PostgreSQL: this run uses a PostgreSQL server (ACCORD_TEST_PG=server)",
      );
    const figures = await runCrashLoop({ cycles: 3, variant: "mixed", maxRunMs: 300, writers: 3 });
    expect(figures.failure).toBeUndefined();
    expect(figures.cycles).toBe(3);
    expect(figures.acknowledged).toBeGreaterThan(0);
    expect(figures).toMatchObject({ lost: 0, halfWritten: 0, chainBroken: 0 });
    // Each restart reported its own recovery: the stale lock, and the orphaned or crashed PostgreSQL.
    expect(figures.recoveryLines.staleLock).toBe(3);
    expect((figures.recoveryLines.orphanStopped ?? 0) + (figures.recoveryLines.stalePid ?? 0)).toBe(3);
  }, 180_000);

  it("keeps serving on one Accord process when the other is killed, losing no acknowledged write (server only)", async (context) => {
    if (inject("pgKind") !== "server")
      skipBecause(
        context,
        "needs a PostgreSQL server: this run uses the embedded one (run with ACCORD_TEST_PG=server, see README)",
      );
    const figures = await runCrashLoop({
      cycles: 2,
      variant: "two-instances",
      maxRunMs: 400,
      writers: 3,
      serverUrl: inject("pgAdminUrl"),
    });
    expect(figures.failure).toBeUndefined();
    expect(figures.cycles).toBe(2);
    expect(figures).toMatchObject({ lost: 0, halfWritten: 0, chainBroken: 0, survivorFailed: 0 });
    expect(figures.survivorServed).toBe(20);
  }, 180_000);
});
