import { type Static, Type } from "typebox";
import { IsoDate, Nullable, StrictObject, StringEnum, Uuid } from "../../platform/http/schemas.js";
import { PRECISIONS } from "./programmes.schemas.js";

/**
 * Every kind of record on a nation's partnership timeline. The first seven are the programmes capability's own and
 * the operations' deployments and exercises; the rest come from the capability that owns each record (catalogue,
 * training, readiness, operations, meetings), filtered there by its own read rule.
 */
export const TIMELINE_KINDS = [
  "milestone",
  "framework",
  "plan_period",
  "programme",
  "goal",
  "deployment",
  "exercise",
  "event",
  "course",
  "certificate",
  "accreditation",
  "evaluation",
  "contribution",
  "meeting",
  "decision",
  "action_item",
  "message",
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

const Year = Type.Integer({ minimum: 1990, maximum: 2200 });

export const TimelineEntry = Type.Object({
  kind: StringEnum(TIMELINE_KINDS),
  id: Uuid,
  startsOn: IsoDate,
  precision: StringEnum(PRECISIONS),
  endsOn: Nullable(IsoDate),
  title: Type.String(),
  titleAz: Nullable(Type.String()),
  titleRu: Nullable(Type.String()),
  detail: Nullable(Type.String()),
  /** The web path that shows the record. */
  link: Nullable(Type.String()),
  source: Nullable(Type.String()),
  sample: Type.Boolean(),
  discrepancy: Type.Boolean(),
});

const TimelineFilters = {
  nationId: Uuid,
  kinds: Type.Optional(
    Type.String({
      pattern: "^[a-z_]+(,[a-z_]+)*$",
      maxLength: 400,
      description: `Comma-separated kinds (an unknown kind matches nothing): ${TIMELINE_KINDS.join(", ")}`,
    }),
  ),
  fromYear: Type.Optional(Year),
  toYear: Type.Optional(Year),
};
export const TimelineQuery = StrictObject(TimelineFilters);
export type TimelineQuery = Static<typeof TimelineQuery>;
export const TimelineExportQuery = StrictObject({
  ...TimelineFilters,
  lang: Type.Optional(StringEnum(["en", "az", "ru"])),
});
export type TimelineExportQuery = Static<typeof TimelineExportQuery>;

export const Timeline = Type.Object({
  nation: Type.Object({ id: Uuid, code: Type.String(), nameEn: Type.String() }),
  entries: Type.Array(TimelineEntry),
});
