import type { periodReport, programmeReport } from "./programmes.service.js";
import type { ReportDocument } from "./report-export.js";

const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

/** The programme report as tables: by area (the CSV), then item by item. */
export function programmeReportDocument(report: Awaited<ReturnType<typeof programmeReport>>): ReportDocument {
  const { programme, totals } = report;
  const span =
    programme.firstYear === programme.lastYear
      ? `${programme.firstYear}`
      : `${programme.firstYear}–${programme.lastYear}`;
  return {
    title: `${programme.title}`,
    subtitle: `${programme.nation.nameEn} (${programme.nation.code}), ${span}. Actual = accepted nominations that attended, on events from ${report.spanFrom} to ${report.spanTo}.`,
    tables: [
      {
        name: "By area",
        columns: [
          "Area",
          "Area code",
          "Planned items",
          "Implemented items",
          "Implementation rate %",
          "Planned participants",
          "Attended",
          "Completed",
        ],
        rows: [
          ...report.areas.map((row) => [
            row.areaName,
            row.areaCode,
            row.plannedItems,
            row.implementedItems,
            percent(row.implementationRate),
            row.plannedParticipants,
            row.attended,
            row.completed,
          ]),
          [
            "Total",
            "",
            totals.plannedItems,
            totals.implementedItems,
            percent(totals.implementationRate),
            totals.plannedParticipants,
            totals.attended,
            totals.completed,
          ],
        ],
      },
      {
        name: "Items",
        columns: [
          "Item",
          "Activity code",
          "Area code",
          "Planned from",
          "Planned participants",
          "Attended",
          "Completed",
          "Implemented",
        ],
        rows: report.items.map((item) => [
          item.title,
          item.activity?.code ?? "(own)",
          item.areaCode,
          item.plannedStartsOn,
          item.plannedParticipants,
          item.attended,
          item.completed,
          item.implemented ? "yes" : "no",
        ]),
      },
      {
        name: "Outside the programme",
        columns: ["Figure", "Value"],
        rows: [["Events attended that are not in the programme", totals.unplannedEventsAttended]],
      },
    ],
  };
}

/** The period report as tables: by area (the CSV), then the late actions. */
export function periodReportDocument(report: Awaited<ReturnType<typeof periodReport>>): ReportDocument {
  const { totals } = report;
  const dates = report.period.statements
    .map((s) => `${s.startsOn} – ${s.endsOn ?? "?"} (${s.source})`)
    .join("; ");
  return {
    title: `${report.plan.title} — ${report.period.label}`,
    subtitle: `${report.plan.code}, period ${report.period.label}: ${dates || "no dated source"}. As of ${report.asOf}.`,
    tables: [
      {
        name: "By area",
        columns: [
          "Area",
          "Area code",
          "Objectives",
          "Actions",
          "Done",
          "In progress",
          "Late",
          "Average progress %",
          "Completion rate %",
        ],
        rows: [
          ...report.areas.map((row) => [
            row.areaName,
            row.areaCode,
            row.objectives,
            row.actions,
            row.done,
            row.inProgress,
            row.late,
            row.averageProgress,
            percent(row.completionRate),
          ]),
          [
            "Total",
            "",
            totals.objectives,
            totals.actions,
            totals.done,
            totals.inProgress,
            totals.late,
            totals.averageProgress,
            percent(totals.completionRate),
          ],
        ],
      },
      {
        name: "Late actions",
        columns: ["Objective", "Action", "Due", "Status", "Progress %"],
        rows: report.lateActions.map((row) => [
          row.objectiveCode,
          row.title,
          row.dueOn,
          row.status,
          row.progress,
        ]),
      },
    ],
  };
}
