import "./meetings.policy.js";
import { authorize } from "../../platform/access/policy.js";
import type { Ctx } from "../../platform/http/request-context.js";
import { formatDate, pick, type ReportLanguage, reportLanguage } from "../../platform/pdf-report.js";
import { dateRange, labelOf, nameAndCode, openRecordReport } from "../../platform/record-report.js";
import { meetingActionItems } from "./action-items.service.js";
import { getMeeting } from "./meetings.service.js";

const WORDS = {
  en: {
    title: "Minutes",
    meeting: "Meeting",
    dates: "Dates",
    place: "Place",
    host: "Host",
    status: "Status",
    approved: "Minutes approved on",
    notApproved: "not approved yet",
    agenda: "Agenda",
    item: "Item",
    presenter: "Presenter",
    delegations: "Delegations",
    delegation: "Delegation",
    head: "Head",
    members: "Members",
    minutes: "Record of the meeting",
    decisions: "Decisions",
    reference: "No.",
    decision: "Decision",
    raised: "Action items raised",
    carried: "Action items carried over, still open",
    action: "Action",
    assignee: "Assignee",
    deadline: "Deadline",
    none: "None.",
    statuses: { planned: "Planned", held: "Held", cancelled: "Cancelled" },
    actionStatuses: { open: "Open", in_progress: "In progress", done: "Done", cancelled: "Cancelled" },
    overdue: "overdue",
  },
  az: {
    title: "Protokol",
    meeting: "Görüş",
    dates: "Tarixlər",
    place: "Yer",
    host: "Ev sahibi",
    status: "Status",
    approved: "Protokolun təsdiq tarixi",
    notApproved: "hələ təsdiq edilməyib",
    agenda: "Gündəlik",
    item: "Məsələ",
    presenter: "Məruzəçi",
    delegations: "Nümayəndə heyətləri",
    delegation: "Nümayəndə heyəti",
    head: "Rəhbər",
    members: "Üzvlər",
    minutes: "Görüşün qeydi",
    decisions: "Qərarlar",
    reference: "№",
    decision: "Qərar",
    raised: "Qaldırılmış tapşırıqlar",
    carried: "Əvvəlki görüşlərdən keçən, hələ açıq tapşırıqlar",
    action: "Tapşırıq",
    assignee: "İcraçı",
    deadline: "Son tarix",
    none: "Yoxdur.",
    statuses: { planned: "Planlaşdırılıb", held: "Keçirilib", cancelled: "Ləğv edilib" },
    actionStatuses: {
      open: "Açıq",
      in_progress: "İcra olunur",
      done: "İcra olunub",
      cancelled: "Ləğv edilib",
    },
    overdue: "gecikir",
  },
  ru: {
    title: "Протокол",
    meeting: "Заседание",
    dates: "Даты",
    place: "Место",
    host: "Принимающая сторона",
    status: "Статус",
    approved: "Протокол утверждён",
    notApproved: "ещё не утверждён",
    agenda: "Повестка дня",
    item: "Вопрос",
    presenter: "Докладчик",
    delegations: "Делегации",
    delegation: "Делегация",
    head: "Глава",
    members: "Члены",
    minutes: "Ход заседания",
    decisions: "Решения",
    reference: "№",
    decision: "Решение",
    raised: "Поручения, данные на заседании",
    carried: "Перешедшие поручения, ещё не выполненные",
    action: "Поручение",
    assignee: "Исполнитель",
    deadline: "Срок",
    none: "Нет.",
    statuses: { planned: "Запланировано", held: "Проведено", cancelled: "Отменено" },
    actionStatuses: { open: "Открыто", in_progress: "Выполняется", done: "Выполнено", cancelled: "Отменено" },
    overdue: "просрочено",
  },
} satisfies Record<ReportLanguage, unknown>;

/**
 * The meeting's minutes as a PDF: agenda, delegations, the record, decisions (in the report's language when a text
 * in it exists, else the original) and action items; read through getMeeting and meetingActionItems, so the access
 * and what is shown are those of the JSON reads.
 */
export async function meetingMinutesPdf(ctx: Ctx, id: string, lang?: ReportLanguage) {
  authorize(ctx.viewer, "meeting.read");
  const meeting = await getMeeting(ctx, id);
  const [actions, language] = await Promise.all([
    meetingActionItems(ctx, id),
    reportLanguage(ctx.db, ctx.viewer, lang),
  ]);
  const w = WORDS[language];
  const series = meeting.series
    ? pick(language, meeting.series.titleEn, meeting.series.titleAz, meeting.series.titleRu)
    : "";
  const code = meeting.series?.code ?? "";
  const name = `${meeting.numeral} ${series}${meeting.title ? ` — ${meeting.title}` : ""}`;
  const report = await openRecordReport(
    ctx,
    language,
    w,
    { title: `${w.title}: ${name}`, subtitle: `${code} ${meeting.numeral}` },
    meeting,
  );
  /** The nation and the organisation of a host, delegation or assignee, as far as given. */
  const parties = (...refs: ({ code: string; nameEn: string } | null)[]) =>
    refs.map(nameAndCode).filter(Boolean).join("; ");
  report.fields([
    [w.meeting, name],
    [w.dates, dateRange(meeting.startsOn, meeting.endsOn, language)],
    [w.place, [meeting.city, meeting.venue].filter(Boolean).join(", ")],
    [w.host, parties(meeting.hostNation, meeting.hostOrganisation)],
    [w.status, labelOf(w.statuses, meeting.status)],
    [w.approved, meeting.minutesApprovedOn ? formatDate(meeting.minutesApprovedOn, language) : w.notApproved],
  ]);

  report.section(
    w.agenda,
    { "#": 0.5, item: 6, presenter: 3 },
    meeting.agenda.map((item) => [
      item.position,
      item.note ? `${item.title}\n${item.note}` : item.title,
      [item.presenterName, item.presenterNation?.code, item.presenterOrganisation?.code]
        .filter(Boolean)
        .join(", "),
    ]),
  );

  report.section(
    w.delegations,
    { delegation: 3, head: 2.5, members: 5 },
    meeting.delegations.map((d) => [
      parties(d.nation, d.organisation),
      d.headName,
      d.members.map((m) => (m.position ? `${m.name} (${m.position})` : m.name)).join("; "),
    ]),
  );

  report.heading(w.minutes).paragraph(meeting.minutes);

  report.section(
    w.decisions,
    { reference: 1, decision: 9 },
    meeting.decisions.map((decision) => {
      const text = decision.texts.find((t) => t.language === language) ?? decision.texts[0];
      return [decision.reference, text ? `${decision.title}\n${text.body}` : decision.title];
    }),
  );

  for (const [title, items] of [
    [w.raised, actions.raised],
    [w.carried, actions.carriedOver],
  ] as const) {
    report.section(
      title,
      { reference: 1, action: 5, assignee: 2.5, deadline: 2, status: 1.6 },
      items.map((item) => [
        item.decisionReference ?? `${item.raisedAt.numeral}`,
        item.description ? `${item.title}\n${item.description}` : item.title,
        parties(item.assigneeNation, item.assigneeOrganisation),
        item.deadline ? formatDate(item.deadline, language) : null,
        `${labelOf(w.actionStatuses, item.status)}${item.overdue ? ` (${w.overdue})` : ""}`,
      ]),
    );
  }
  return {
    pdf: await report.finish(),
    filename: `minutes-${code}-${meeting.number}-${language}.pdf`,
  };
}
