import { type Static, Type } from "typebox";
import { IsoDate, Nullable, StrictObject, StringEnum, Uuid } from "../../platform/http/schemas.js";

const UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
const Year = Type.Integer({ minimum: 1990, maximum: 2200 });
const Lang = StringEnum(["en", "az", "ru"]);
export const NATION_CHARTS = [
  "programme",
  "participation",
  "goals",
  "certifications",
  "contributions",
] as const;
export type NationChart = (typeof NATION_CHARTS)[number];

const Names = { nameEn: Type.String(), nameAz: Nullable(Type.String()), nameRu: Nullable(Type.String()) };
const DashboardNation = Type.Object({ id: Uuid, code: Type.String(), ...Names });
const Span = { fromYear: Year, toYear: Year, asOf: IsoDate };

export const NationDashboardQuery = StrictObject({
  nationId: Uuid,
  fromYear: Type.Optional(Year),
  toYear: Type.Optional(Year),
});
export type NationDashboardQuery = Static<typeof NationDashboardQuery>;
export const NationDashboardExportQuery = StrictObject({
  ...NationDashboardQuery.properties,
  chart: StringEnum(NATION_CHARTS),
  lang: Type.Optional(Lang),
});
export type NationDashboardExportQuery = Static<typeof NationDashboardExportQuery>;

export const AllianceDashboardQuery = StrictObject({
  nationIds: Type.Optional(
    Type.String({
      pattern: `^${UUID}(,${UUID}){0,99}$`,
      maxLength: 3800,
      description: "Comma-separated nation ids; all nations with a figure the caller may see when absent",
    }),
  ),
  fromYear: Type.Optional(Year),
  toYear: Type.Optional(Year),
});
export type AllianceDashboardQuery = Static<typeof AllianceDashboardQuery>;
export const AllianceDashboardExportQuery = StrictObject({
  ...AllianceDashboardQuery.properties,
  chart: StringEnum(NATION_CHARTS),
  lang: Type.Optional(Lang),
});
export type AllianceDashboardExportQuery = Static<typeof AllianceDashboardExportQuery>;

const Area = Type.Object({ code: Type.String(), ...Names });
const ProgrammeFigure = Type.Object({
  year: Type.Integer(),
  areaCode: Type.String(),
  planned: Type.Integer(),
  done: Type.Integer(),
});
const ParticipationFigure = Type.Object({
  year: Type.Integer(),
  eventsAttended: Type.Integer(),
  participants: Type.Integer(),
});
const GoalFigure = Type.Object({ status: Type.String(), goals: Type.Integer() });
const CertificationFigure = Type.Object({ qualificationCode: Type.String(), ...Names, held: Type.Integer() });
const ContributionFigure = Type.Object({
  year: Type.Integer(),
  currency: Type.String(),
  pledged: Type.Number(),
  paid: Type.Number(),
});

export const NationDashboard = Type.Object({
  nation: DashboardNation,
  ...Span,
  areas: Type.Array(Area),
  programme: Type.Array(ProgrammeFigure),
  participation: Type.Array(ParticipationFigure),
  goals: Type.Array(GoalFigure),
  certifications: Type.Array(CertificationFigure),
  contributions: Type.Array(ContributionFigure),
});

export const NationFigures = Type.Object({
  nation: DashboardNation,
  plannedItems: Type.Integer(),
  doneItems: Type.Integer(),
  eventsAttended: Type.Integer(),
  participants: Type.Integer(),
  goals: Type.Array(GoalFigure),
  certificationsHeld: Type.Integer(),
  contributions: Type.Array(
    Type.Object({ currency: Type.String(), pledged: Type.Number(), paid: Type.Number() }),
  ),
});
export const AllianceDashboard = Type.Object({ ...Span, nations: Type.Array(NationFigures) });
