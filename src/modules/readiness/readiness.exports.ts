import { H, type ListExport, pagedExport, yesNo } from "../../platform/list-export.js";
import { EvaluationQuery, UnitQuery } from "./readiness.schemas.js";
import { listEvaluations, listUnits } from "./readiness.service.js";

export const readinessExports: ListExport[] = [
  pagedExport({
    kind: "units",
    summary: "Every unit the list shows for the same filters, as CSV or XLSX",
    query: UnitQuery,
    page: listUnits,
    columns: [
      [H.code, (u) => u.code],
      [H.name, (u) => u.nameEn],
      [H.nation, (u) => u.nation?.code ?? null],
      [
        { en: "Parent unit", az: "Yuxarı bölmə", ru: "Вышестоящее подразделение" },
        (u) => u.parent?.code ?? null,
      ],
      [{ en: "Type", az: "Tip", ru: "Тип" }, (u) => u.unitType],
      [{ en: "Size", az: "Ölçü", ru: "Размер" }, (u) => u.size],
      [{ en: "Echelon", az: "Eşelon", ru: "Эшелон" }, (u) => u.echelon],
      [{ en: "Headquarters", az: "Qərargah", ru: "Штаб" }, (u) => yesNo(u.isHeadquarters)],
      [
        { en: "Declared to", az: "Bəyan edilib", ru: "Заявлено в" },
        (u) => u.declarations.map((d) => d.poolName),
      ],
    ],
  }),
  pagedExport({
    kind: "evaluations",
    summary: "Every readiness evaluation the list shows for the same filters, as CSV or XLSX",
    query: EvaluationQuery,
    page: listEvaluations,
    columns: [
      [H.title, (e) => e.title],
      [H.kind, (e) => e.kind],
      [H.status, (e) => e.state],
      [H.unit, (e) => e.unit?.code ?? null],
      [H.nation, (e) => e.unitNation?.code ?? null],
      [H.startsOn, (e) => e.startsOn],
      [H.endsOn, (e) => e.endsOn],
      [{ en: "Outcome", az: "Nəticə", ru: "Итог" }, (e) => e.outcome],
      [{ en: "Criteria answered", az: "Cavablanmış meyarlar", ru: "Критериев отвечено" }, (e) => e.answered],
      [{ en: "Criteria", az: "Meyarlar", ru: "Критерии" }, (e) => e.criteria],
    ],
  }),
];
