import { type Static, Type } from "typebox";
import {
  IsoDate,
  IsoDateTime,
  Nullable,
  StrictObject,
  StringEnum,
  Text,
  Uuid,
} from "../../platform/http/schemas.js";
import { ProgrammeInput } from "./programmes.schemas.js";

/** A programme's fields, its status among them; returning a submitted programme to draft needs a reason. */
const { nationId: _n, firstYear: _f, lastYear: _l, ...editable } = ProgrammeInput.properties;
export const ProgrammePatch = Type.Partial(
  Type.Object({
    ...editable,
    reason: Text(2000, { description: "Why alliance staff return a submitted programme to draft" }),
  }),
  { additionalProperties: false, minProperties: 1 },
);
export type ProgrammePatch = Static<typeof ProgrammePatch>;

export const VersionParams = StrictObject({
  id: Uuid,
  version: Type.Integer({ minimum: 1, maximum: 100_000 }),
});
export type VersionParams = Static<typeof VersionParams>;

const SnapshotItem = Type.Object({
  id: Uuid,
  activityId: Nullable(Uuid),
  activityCode: Nullable(Type.String()),
  title: Nullable(Type.String()),
  areaCode: Type.String(),
  plannedStartsOn: Nullable(IsoDate),
  plannedEndsOn: Nullable(IsoDate),
  plannedParticipants: Type.Integer(),
  note: Nullable(Type.String()),
  objectiveIds: Type.Array(Uuid),
});

const FieldChange = Type.Object({
  field: Type.String(),
  before: Type.Unknown(),
  after: Type.Unknown(),
});

export const ProgrammeVersion = Type.Object({
  version: Type.Integer(),
  submittedAt: IsoDateTime,
  submittedBy: Nullable(Type.String()),
  decision: Nullable(StringEnum(["agreed", "returned"] as const)),
  decidedAt: Nullable(IsoDateTime),
  decidedBy: Nullable(Type.String()),
  reason: Nullable(Type.String()),
  programme: Type.Object({
    title: Type.String(),
    firstYear: Type.Integer(),
    lastYear: Type.Integer(),
    planId: Nullable(Uuid),
    note: Nullable(Type.String()),
  }),
  items: Type.Array(SnapshotItem),
  /** What changed since the previous version (null for the first). */
  changes: Nullable(
    Type.Object({
      programme: Type.Array(FieldChange),
      added: Type.Array(SnapshotItem),
      removed: Type.Array(SnapshotItem),
      changed: Type.Array(
        Type.Object({
          id: Uuid,
          activityCode: Nullable(Type.String()),
          title: Nullable(Type.String()),
          fields: Type.Array(FieldChange),
        }),
      ),
    }),
  ),
});
export type ProgrammeVersion = Static<typeof ProgrammeVersion>;
