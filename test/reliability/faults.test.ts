import { describe, expect, inject, it } from "vitest";
import { runFaults } from "./fault-load.js";

// Short mode on both deployments; the long mode is `npm run reliability:faults` (docs/operations.md).
describe("serving through database faults", () => {
  it(`answers no 500 and loses nothing while connections are terminated${
    inject("pgKind") === "embedded" ? " and the embedded postmaster is killed" : ""
  } under load from 8 clients`, async () => {
    const embedded = inject("pgKind") === "embedded";
    const figures = await runFaults({
      deployment: embedded ? "embedded" : "server",
      terminations: 5,
      kills: embedded ? 1 : 0,
      clients: 8,
      gapMs: 300,
      serverUrl: inject("pgAdminUrl"),
    });
    expect(figures.failure).toBeUndefined();
    expect(figures.exits).toEqual([]);
    expect(figures).toMatchObject({
      terminations: 5,
      kills: embedded ? 1 : 0,
      restarts: embedded ? 1 : 0,
      status500: 0,
      noAnswer: 0,
      unavailableWithoutRetryAfter: 0,
      acknowledgedNotFound: 0,
      lost: 0,
      halfWritten: 0,
      chainOk: true,
    });
    expect(figures.terminatedBackends).toBeGreaterThanOrEqual(5);
    expect(figures.acknowledged).toBeGreaterThan(0);
    expect(figures.recoveryMs).toHaveLength(embedded ? 6 : 5);
  }, 240_000);
});
