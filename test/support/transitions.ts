import { describe, expect, it } from "vitest";
import { statesOf, type Transitions } from "../../src/platform/transitions.js";
import type { Reply } from "./test-app.js";

/** One record kind under the exhaustive transition test. */
export interface TransitionCase<S extends string> {
  /** Puts the test's record in `state` (a fixture: written straight to the database) and returns its id. */
  place(state: S): Promise<string>;
  /** Asks the API to move the record to `to`. */
  move(id: string, to: S): Promise<Reply>;
  /** The record's state as the API reads it. */
  read(id: string): Promise<string>;
  /** The record's allowed next states as the API reads them, where its GET answers them. */
  allowed?(id: string): Promise<string[]>;
}

/**
 * Every (from, to) pair of the table through the API: an allowed change answers 2xx and the record is in `to`;
 * any other answers 409 ILLEGAL_TRANSITION naming both states, and the record is still in `from`.
 */
export function describeTransitions<S extends string>(
  name: string,
  table: Transitions<S>,
  kind: () => TransitionCase<S>,
  opts: {
    exclude?: S[];
    /** States no route asks for (where a record starts): tried as origins only; the table must lead to none. */
    unrequested?: S[];
  } = {},
) {
  const states = statesOf(table).filter((s) => !opts.exclude?.includes(s));
  const targets = states.filter((s) => !opts.unrequested?.includes(s));
  describe(`${name}: every transition of its table`, () => {
    if (opts.unrequested?.length)
      it(`leads to none of ${opts.unrequested.join(", ")}`, () => {
        for (const from of states)
          expect(table.table[from].filter((to) => opts.unrequested?.includes(to))).toEqual([]);
      });
    for (const from of states) {
      it(`from ${from}: allows ${table.table[from].join(", ") || "nothing"}, refuses the rest`, async () => {
        const c = kind();
        for (const to of targets) {
          if (to === from) continue;
          const id = await c.place(from);
          if (c.allowed) expect(await c.allowed(id), `${from} allowed`).toEqual([...table.table[from]]);
          const reply = await c.move(id, to);
          if (table.table[from].includes(to)) {
            expect(reply.status, `${from} → ${to}: ${reply.text}`).toBeLessThan(300);
            expect(await c.read(id), `${from} → ${to}`).toBe(to);
          } else {
            expect(reply.status, `${from} → ${to}: ${reply.text}`).toBe(409);
            expect(reply.body).toMatchObject({
              code: "ILLEGAL_TRANSITION",
              transition: { field: table.field, current: from, requested: to },
            });
            expect(reply.body.message).toContain(`is ${from}; it cannot become ${to}`);
            expect(await c.read(id), `${from} → ${to} refused`).toBe(from);
          }
        }
      });
    }
  });
}
