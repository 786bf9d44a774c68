import { deleteRecord, type RecordTable, type RowOf } from "./audited-write.js";
import type { Ctx } from "./http/request-context.js";

/**
 * A record whose own rows (an exercise's stages, a meeting's agenda items, a contingent's rotations) change
 * through it: each change first checks that the caller may edit it, and answers with it as it then stands.
 */
export interface RowOwner<D> {
  /** The owned rows' column that names the owner, e.g. `exerciseId`. */
  key: string;
  /** Loads the owner and refuses a caller who may not edit it. */
  editable: (ctx: Ctx, id: string) => Promise<unknown>;
  /** The owner as its JSON read answers it. */
  read: (ctx: Ctx, id: string) => Promise<D>;
}

/**
 * The removal of one kind of the owner's rows, `(ctx, ownerId, id)`: 404 with `missing` when the row is not one of
 * the owner's, audited as `action`.
 */
export function rowRemover<D, T extends RecordTable>(
  owner: RowOwner<D>,
  table: T,
  missing: string,
  action: string,
): (ctx: Ctx, ownerId: string, id: string) => Promise<D> {
  return async (ctx, ownerId, id) => {
    await owner.editable(ctx, ownerId);
    const scope = { [owner.key]: ownerId } as Partial<RowOf<T>>;
    await deleteRecord(ctx, table, { id, scope, missing }, { action });
    return owner.read(ctx, ownerId);
  };
}
