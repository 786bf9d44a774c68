import "./operations.policy.js";
import { authorize, can } from "../../platform/access/policy.js";
import { insertRecord, updateRecord } from "../../platform/audited-write.js";
import { orNotFound } from "../../platform/errors.js";
import type { Ctx } from "../../platform/http/request-context.js";
import { paged } from "../../platform/http/schemas.js";
import { checkDateOrder } from "./operations.common.js";
import * as queries from "./operations.queries.js";
import type { OperationInput, OperationPatch, OperationQuery } from "./operations.schemas.js";

export async function listOperations(ctx: Ctx, query: OperationQuery) {
  authorize(ctx.viewer, "operation.read");
  const page = await queries.listOperations(ctx.db, ctx.viewer, query);
  return paged(query, { ...page, items: page.items.map((row) => withCanEdit(ctx, row)) });
}

/** The caller may change the operation (its lead organisation's managers, administrators). */
const withCanEdit = <T extends { leadOrganisationId: string }>(ctx: Ctx, row: T) => ({
  ...row,
  canEdit: can(ctx.viewer, "operation.update", row),
});

export async function getOperation(ctx: Ctx, id: string) {
  authorize(ctx.viewer, "operation.read");
  const operation = orNotFound(await queries.findOperation(ctx.db, ctx.viewer, id), "The operation");
  return withCanEdit(ctx, operation);
}

const operationConstraints = {
  operation_code_key: ["body.code", "an operation with this code already exists"],
  operation_ends_on_check: ["body.endsOn", "must not be before the start date"],
} as const;

export async function createOperation(ctx: Ctx, input: OperationInput) {
  authorize(ctx.viewer, "operation.create");
  checkDateOrder(input.startsOn, input.endsOn, "body.endsOn");
  const row = await insertRecord(ctx, "operation", input, {
    action: "operation.create",
    rules: operationConstraints,
  });
  return getOperation(ctx, row.id);
}

export async function updateOperation(ctx: Ctx, id: string, patch: OperationPatch) {
  const operation = await getOperation(ctx, id);
  authorize(ctx.viewer, "operation.update", operation);
  await updateRecord(ctx, "operation", { id, missing: "The operation" }, patch, {
    action: "operation.update",
    rules: operationConstraints,
  });
  return getOperation(ctx, id);
}
