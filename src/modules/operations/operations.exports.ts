import { H, type ListExport, pagedExport } from "../../platform/list-export.js";
import { listContingents } from "./contingents.service.js";
import { listFundContributions } from "./contributions.service.js";
import { listExercises } from "./exercises.service.js";
import { listLessons } from "./lessons.service.js";
import {
  ContingentQuery,
  ExerciseQuery,
  FundContributionQuery,
  LessonQuery,
  OperationQuery,
} from "./operations.schemas.js";
import { listOperations } from "./operations.service.js";

export const operationsExports: ListExport[] = [
  pagedExport({
    kind: "exercises",
    summary: "Every exercise the list shows for the same filters, as CSV or XLSX",
    query: ExerciseQuery,
    page: listExercises,
    columns: [
      [H.code, (e) => e.code],
      [H.name, (e) => e.name],
      [H.kind, (e) => e.kind],
      [H.status, (e) => e.status],
      [H.lead, (e) => e.leadOrganisation.code],
      [
        { en: "Host nations", az: "Ev sahibi ölkələr", ru: "Принимающие страны" },
        (e) => e.hostNations.map((n) => n.code),
      ],
      [H.startsOn, (e) => e.startsOn],
      [H.endsOn, (e) => e.endsOn],
      [{ en: "Participants", az: "İştirakçılar", ru: "Участники" }, (e) => e.participation.total],
    ],
  }),
  pagedExport({
    kind: "lessons",
    summary: "Every lesson the board shows for the same filters, as CSV or XLSX",
    query: LessonQuery,
    page: listLessons,
    columns: [
      [{ en: "Exercise", az: "Təlim", ru: "Учение" }, (l) => l.exercise.code],
      [H.title, (l) => l.title],
      [H.status, (l) => l.status],
      [{ en: "Observation", az: "Müşahidə", ru: "Наблюдение" }, (l) => l.observation],
      [{ en: "Recommendation", az: "Tövsiyə", ru: "Рекомендация" }, (l) => l.recommendation],
    ],
  }),
  pagedExport({
    kind: "operations",
    summary: "Every operation the list shows for the same filters, as CSV or XLSX",
    query: OperationQuery,
    page: listOperations,
    columns: [
      [H.code, (o) => o.code],
      [H.name, (o) => o.name],
      [H.lead, (o) => o.leadOrganisation.code],
      [H.startsOn, (o) => o.startsOn],
      [H.endsOn, (o) => o.endsOn],
      [{ en: "Contingents", az: "Kontingentlər", ru: "Контингенты" }, (o) => o.contingentCount],
    ],
  }),
  pagedExport({
    kind: "contingents",
    summary: "Every contingent the list shows for the same filters, as CSV or XLSX",
    query: ContingentQuery,
    page: listContingents,
    columns: [
      [{ en: "Operation", az: "Əməliyyat", ru: "Операция" }, (c) => c.operation.code],
      [H.nation, (c) => c.nation.code],
      [H.name, (c) => c.name],
      [{ en: "Current strength", az: "Cari say", ru: "Текущая численность" }, (c) => c.currentStrength],
      [{ en: "Peak strength", az: "Ən yüksək say", ru: "Наибольшая численность" }, (c) => c.peakStrength],
      [H.startsOn, (c) => c.firstStartsOn],
      [H.endsOn, (c) => c.lastEndsOn],
    ],
  }),
  pagedExport({
    kind: "fund-contributions",
    summary: "Every trust-fund contribution the list shows for the same filters, as CSV or XLSX",
    query: FundContributionQuery,
    page: listFundContributions,
    // The contributions import's header names, so that an exported list imports back.
    columns: [
      [{ en: "Trust fund", az: "Etimad fondu", ru: "Целевой фонд" }, (c) => c.trustFund.code],
      [H.nation, (c) => c.nation.code],
      [H.year, (c) => c.year],
      [{ en: "Currency", az: "Valyuta", ru: "Валюта" }, (c) => c.currency],
      [{ en: "Pledged", az: "Vəd edilib", ru: "Обещано" }, (c) => c.pledged],
      [{ en: "Paid", az: "Ödənilib", ru: "Оплачено" }, (c) => c.paid],
      [{ en: "Outstanding", az: "Qalıq", ru: "Остаток" }, (c) => c.outstanding],
      [H.note, (c) => c.note],
    ],
  }),
];
