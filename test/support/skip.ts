import type { TestContext } from "vitest";

/**
 * Skips the running test, saying why on stderr and in the reporter (a skip note): a test that cannot run here
 * is counted as skipped in the closing line, never as passed, and never silently.
 */
export function skipBecause(context: Pick<TestContext, "skip" | "task">, reason: string): never {
  console.warn(`SKIPPED "${context.task.name}": ${reason}`);
  return context.skip(reason);
}
