import { H, type ListExport, pagedExport } from "../../platform/list-export.js";
import { listActionItems } from "./action-items.service.js";
import { listMessages } from "./exchange.service.js";
import { ActionItemQuery, MeetingQuery, MessageQuery } from "./meetings.schemas.js";
import { listMeetings } from "./meetings.service.js";

const party = (p: { code: string } | null | undefined) => p?.code ?? null;

export const meetingsExports: ListExport[] = [
  pagedExport({
    kind: "meetings",
    summary: "Every meeting the list shows for the same filters, as CSV or XLSX",
    query: MeetingQuery,
    page: listMeetings,
    columns: [
      [H.series, (m) => m.series?.code ?? null],
      [H.number, (m) => m.numeral],
      [H.title, (m) => m.title],
      [H.startsOn, (m) => m.startsOn],
      [H.endsOn, (m) => m.endsOn],
      [H.city, (m) => m.city],
      [
        { en: "Host", az: "Ev sahibi", ru: "Принимающая сторона" },
        (m) => party(m.hostNation) ?? party(m.hostOrganisation),
      ],
      [H.status, (m) => m.status],
      [{ en: "Decisions", az: "Qərarlar", ru: "Решения" }, (m) => m.decisionCount],
    ],
  }),
  pagedExport({
    kind: "action-items",
    summary: "Every action item the tracker shows for the same filters, as CSV or XLSX",
    query: ActionItemQuery,
    page: listActionItems,
    columns: [
      [H.series, (a) => a.series.code],
      [{ en: "Raised at", az: "Qaldırılıb", ru: "Поставлено на" }, (a) => a.raisedAt.numeral],
      [{ en: "Decision", az: "Qərar", ru: "Решение" }, (a) => a.decisionReference],
      [H.title, (a) => a.title],
      [
        { en: "Assignee", az: "İcraçı", ru: "Исполнитель" },
        (a) => party(a.assigneeNation) ?? party(a.assigneeOrganisation),
      ],
      [H.deadline, (a) => a.deadline],
      [H.status, (a) => a.status],
      [{ en: "Closed on", az: "Bağlanıb", ru: "Закрыто" }, (a) => a.closedOn],
      [{ en: "Overdue", az: "Gecikib", ru: "Просрочено" }, (a) => (a.overdue ? "yes" : "no")],
    ],
  }),
  pagedExport({
    kind: "exchange-messages",
    summary: "Every exchange message the box shows for the same filters, as CSV or XLSX",
    query: MessageQuery,
    page: listMessages,
    columns: [
      [{ en: "Sent at", az: "Göndərilib", ru: "Отправлено" }, (m) => m.sentAt],
      [{ en: "From", az: "Kimdən", ru: "От" }, (m) => m.sender.code],
      [{ en: "To", az: "Kimə", ru: "Кому" }, (m) => m.recipients.map((r) => r.party.code)],
      [{ en: "Subject", az: "Mövzu", ru: "Тема" }, (m) => m.subject],
      [{ en: "Attachments", az: "Qoşmalar", ru: "Вложения" }, (m) => m.attachmentCount],
      [
        { en: "Acknowledged", az: "Təsdiqlənib", ru: "Подтверждено" },
        (m) => m.recipients.filter((r) => r.acknowledgedAt).length,
      ],
    ],
  }),
];
