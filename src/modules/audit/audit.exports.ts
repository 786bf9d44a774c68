import { type ListExport, pagedExport } from "../../platform/list-export.js";
import { AuditQuery } from "./audit.schemas.js";
import { listEntries } from "./audit.service.js";

export const auditExports: ListExport[] = [
  pagedExport({
    kind: "audit",
    summary: "The audit entries the viewer shows for the same filters (newest first), as CSV or XLSX",
    query: AuditQuery,
    page: listEntries,
    columns: [
      [{ en: "Sequence", az: "Sıra", ru: "Номер" }, (e) => e.seq],
      [{ en: "When", az: "Nə vaxt", ru: "Когда" }, (e) => e.occurredAt],
      [{ en: "Actor", az: "İcraçı", ru: "Исполнитель" }, (e) => e.actorLabel],
      [{ en: "Action", az: "Əməliyyat", ru: "Действие" }, (e) => e.action],
      [{ en: "Record type", az: "Qeydin növü", ru: "Тип записи" }, (e) => e.recordType],
      [{ en: "Record", az: "Qeyd", ru: "Запись" }, (e) => e.recordId],
      [{ en: "Hash", az: "Heş", ru: "Хеш" }, (e) => e.hash],
    ],
  }),
];
