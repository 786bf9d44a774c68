import { type Static, Type } from "typebox";
import { IsoDateTime, Nullable, PageQuery, StrictObject, Uuid } from "../../platform/http/schemas.js";

const Filters = {
  actorUserId: Type.Optional(Uuid),
  actor: Type.Optional(Type.String({ maxLength: 100, description: "Part of the actor's username" })),
  recordType: Type.Optional(Type.String({ maxLength: 100, pattern: "^[a-z_]+$" })),
  recordId: Type.Optional(Type.String({ maxLength: 100 })),
  action: Type.Optional(
    Type.String({
      maxLength: 100,
      pattern: "^[a-z_.]+$",
      description: "An action, or its prefix ending in '.'",
    }),
  ),
  from: Type.Optional(IsoDateTime),
  to: Type.Optional(IsoDateTime),
};

export const AuditQuery = StrictObject({ ...Filters, ...PageQuery });
export type AuditQuery = Static<typeof AuditQuery>;

export const AuditExportQuery = StrictObject(Filters);
export type AuditExportQuery = Static<typeof AuditExportQuery>;
export type AuditFilters = AuditExportQuery;

export const AuditEntry = Type.Object({
  seq: Type.Integer(),
  occurredAt: IsoDateTime,
  actorUserId: Nullable(Uuid),
  actorLabel: Type.String(),
  action: Type.String(),
  recordType: Type.String(),
  recordId: Nullable(Type.String()),
  diff: Type.Unknown({ description: "before/after of the changed fields, and any detail" }),
  requestId: Nullable(Type.String()),
  prevHash: Type.String(),
  hash: Type.String(),
});

export const ChainVerdict = Type.Object({
  ok: Type.Boolean(),
  entries: Type.Integer(),
  lastHash: Nullable(Type.String()),
  brokenAt: Type.Optional(
    Type.Integer({ description: "Sequence number of the first entry that does not fit" }),
  ),
  reason: Type.Optional(Type.String()),
});
