import type { Transaction } from "kysely";
import type { DB } from "../../db/schema/index.js";
import type { ReleasableRecord } from "../../platform/access/releasability.js";
import { type ConstraintRules, onConstraint } from "../../platform/constraint-errors.js";
import { validation } from "../../platform/errors.js";

/** Shared by the operations module's services: date order, owner of a child record, a row's child list. */
export function checkDateOrder(
  from: string | null | undefined,
  to: string | null | undefined,
  field: string,
) {
  if (from && to && to < from) throw validation(field, "must not be before the start date");
}

/** The owner a milestone or lesson names, or else the exercise's. */
export function ownerOf(
  input: { ownerNationId?: string | null; ownerOrganisationId?: string | null },
  exercise: ReleasableRecord,
) {
  if (input.ownerNationId || input.ownerOrganisationId) {
    return {
      ownerNationId: input.ownerNationId ?? null,
      ownerOrganisationId: input.ownerOrganisationId ?? null,
    };
  }
  return { ownerNationId: exercise.ownerNationId, ownerOrganisationId: exercise.ownerOrganisationId };
}

/**
 * The audited-insert spec of a row that comes with a list of child rows (a rotation's strength, a participant's
 * contributions): `replace` writes the list in the insert's transaction, a violation of `rules` names its field,
 * and the audit records the new row with its list (empty when none is given) under `key`.
 */
export function withChildList<L>(
  key: string,
  list: L[] | undefined,
  rules: ConstraintRules,
  replace: (trx: Transaction<DB>, rowId: string, list: L[] | undefined) => Promise<unknown>,
) {
  return {
    rules,
    also: (row: { id: string }, trx: Transaction<DB>) =>
      replace(trx, row.id, list).catch(onConstraint(rules)),
    audited: (row: object) => ({ ...row, [key]: list ?? [] }),
  };
}
