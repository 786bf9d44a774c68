import "./operations.policy.js";
import { authorize } from "../../platform/access/policy.js";
import type { Ctx } from "../../platform/http/request-context.js";
import { type ReportLanguage, reportLanguage } from "../../platform/pdf-report.js";
import { dateRange, fillIn, labelOf, nameAndCode, openRecordReport } from "../../platform/record-report.js";
import { getExercise } from "./exercises.service.js";

const WORDS = {
  en: {
    title: "Exercise report",
    code: "Code",
    kind: "Kind",
    status: "Status",
    dates: "Dates",
    lead: "Lead organisation",
    hosts: "Host nations",
    participation: "Participating nations",
    participationLine: "{member} member, {partner} partner, {observer} observer ({total} in all)",
    source: "Source",
    scenario: "Scenario",
    objectives: "Objectives",
    objective: "Objective",
    nations: "Participating nations and contributions",
    nation: "Nation",
    role: "Role",
    personnel: "Personnel",
    contributions: "Contributions",
    conferences: "Planning conferences",
    conference: "Conference",
    place: "Place",
    attendees: "Attendees",
    identified: "Lessons identified",
    learned: "Lessons learned",
    lesson: "Lesson",
    observation: "Observation",
    recommendation: "Recommendation",
    followUp: "Follow-up",
    none: "None.",
    kinds: { live: "Live", command_post: "Command post", table_top: "Table-top" },
    statuses: {
      concept: "Concept",
      planning: "Planning",
      conduct: "Conduct",
      completed: "Completed",
      cancelled: "Cancelled",
    },
    roles: { member: "Member", partner: "Partner", observer: "Observer" },
    conferenceKinds: { initial: "Initial", main: "Main", final: "Final" },
    contributionKinds: { personnel: "personnel", unit: "unit", equipment: "equipment" },
    lessonStatuses: {
      identified: "Identified",
      analysed: "Analysed",
      learned: "Learned",
      closed: "Closed",
      rejected: "Rejected",
    },
  },
  az: {
    title: "Təlim haqqında hesabat",
    code: "Kod",
    kind: "Növ",
    status: "Status",
    dates: "Tarixlər",
    lead: "Aparıcı təşkilat",
    hosts: "Ev sahibi ölkələr",
    participation: "İştirakçı ölkələr",
    participationLine: "{member} üzv, {partner} tərəfdaş, {observer} müşahidəçi (cəmi {total})",
    source: "Mənbə",
    scenario: "Ssenari",
    objectives: "Məqsədlər",
    objective: "Məqsəd",
    nations: "İştirakçı ölkələr və onların töhfələri",
    nation: "Ölkə",
    role: "Rol",
    personnel: "Şəxsi heyət",
    contributions: "Töhfələr",
    conferences: "Planlaşdırma konfransları",
    conference: "Konfrans",
    place: "Yer",
    attendees: "İştirakçılar",
    identified: "Müəyyən edilmiş dərslər",
    learned: "Öyrənilmiş dərslər",
    lesson: "Dərs",
    observation: "Müşahidə",
    recommendation: "Tövsiyə",
    followUp: "Sonrakı addım",
    none: "Yoxdur.",
    kinds: { live: "Canlı", command_post: "Komanda-qərargah", table_top: "Stolüstü" },
    statuses: {
      concept: "Konsepsiya",
      planning: "Planlaşdırma",
      conduct: "Keçirilmə",
      completed: "Başa çatıb",
      cancelled: "Ləğv edilib",
    },
    roles: { member: "Üzv", partner: "Tərəfdaş", observer: "Müşahidəçi" },
    conferenceKinds: { initial: "İlkin", main: "Əsas", final: "Yekun" },
    contributionKinds: { personnel: "şəxsi heyət", unit: "bölmə", equipment: "texnika" },
    lessonStatuses: {
      identified: "Müəyyən edilib",
      analysed: "Təhlil edilib",
      learned: "Öyrənilib",
      closed: "Bağlanıb",
      rejected: "Rədd edilib",
    },
  },
  ru: {
    title: "Отчёт об учении",
    code: "Код",
    kind: "Вид",
    status: "Статус",
    dates: "Даты",
    lead: "Ведущая организация",
    hosts: "Принимающие страны",
    participation: "Страны-участницы",
    participationLine: "{member} членов, {partner} партнёров, {observer} наблюдателей (всего {total})",
    source: "Источник",
    scenario: "Сценарий",
    objectives: "Цели",
    objective: "Цель",
    nations: "Страны-участницы и их вклад",
    nation: "Страна",
    role: "Роль",
    personnel: "Личный состав",
    contributions: "Вклад",
    conferences: "Конференции по планированию",
    conference: "Конференция",
    place: "Место",
    attendees: "Участники",
    identified: "Выявленные уроки",
    learned: "Усвоенные уроки",
    lesson: "Урок",
    observation: "Наблюдение",
    recommendation: "Рекомендация",
    followUp: "Дальнейшие действия",
    none: "Нет.",
    kinds: { live: "Полевое", command_post: "Командно-штабное", table_top: "Штабная игра" },
    statuses: {
      concept: "Замысел",
      planning: "Планирование",
      conduct: "Проведение",
      completed: "Завершено",
      cancelled: "Отменено",
    },
    roles: { member: "Член", partner: "Партнёр", observer: "Наблюдатель" },
    conferenceKinds: { initial: "Начальная", main: "Основная", final: "Заключительная" },
    contributionKinds: { personnel: "личный состав", unit: "подразделение", equipment: "техника" },
    lessonStatuses: {
      identified: "Выявлен",
      analysed: "Проанализирован",
      learned: "Усвоен",
      closed: "Закрыт",
      rejected: "Отклонён",
    },
  },
} satisfies Record<ReportLanguage, unknown>;

/** Lessons still open count as identified; learned and closed ones as learned; rejected ones are left out. */
const IDENTIFIED = new Set(["identified", "analysed"]);
const LEARNED = new Set(["learned", "closed"]);

/**
 * The exercise's report as a PDF: participating nations with their contributions, planning conferences, and the
 * lessons identified and learned the viewer may see; read through getExercise (the same access as the JSON read).
 */
export async function exerciseReportPdf(ctx: Ctx, id: string, lang?: ReportLanguage) {
  authorize(ctx.viewer, "exercise.read");
  const exercise = await getExercise(ctx, id);
  const language = await reportLanguage(ctx.db, ctx.viewer, lang);
  const w = WORDS[language];
  const report = await openRecordReport(
    ctx,
    language,
    w,
    {
      title: `${w.title}: ${exercise.name}`,
      subtitle: `${exercise.code} · ${labelOf(w.kinds, exercise.kind)}`,
    },
    exercise,
  );
  const p = exercise.participation;
  report.fields([
    [w.code, exercise.code],
    [w.kind, labelOf(w.kinds, exercise.kind)],
    [w.status, labelOf(w.statuses, exercise.status)],
    [w.dates, dateRange(exercise.startsOn, exercise.endsOn, language)],
    [w.lead, nameAndCode(exercise.leadOrganisation)],
    [w.hosts, exercise.hostNations.map(nameAndCode).join(", ")],
    [
      w.participation,
      fillIn(w.participationLine, {
        member: p.member,
        partner: p.partner,
        observer: p.observer,
        total: p.total,
      }),
    ],
    [w.source, exercise.source],
  ]);
  report.heading(w.scenario).paragraph(exercise.scenario);
  report.section(
    w.objectives,
    { "#": 0.5, objective: 10 },
    exercise.objectives.map((objective, index) => [index + 1, objective.text]),
  );
  report.section(
    w.nations,
    { nation: 3, role: 1.5, personnel: 1.3, contributions: 6 },
    exercise.participants.map((participant) => [
      nameAndCode(participant.nation),
      labelOf(w.roles, participant.role),
      participant.personnel,
      participant.contributions
        .map(
          (c) =>
            `${c.quantity} × ${c.category} (${labelOf(w.contributionKinds, c.kind)})${c.description ? `: ${c.description}` : ""}`,
        )
        .join("; "),
    ]),
  );
  report.section(
    w.conferences,
    { conference: 2, dates: 3, place: 2.5, attendees: 1.2 },
    exercise.conferences.map((conference) => [
      labelOf(w.conferenceKinds, conference.kind),
      dateRange(conference.startsOn, conference.endsOn, language),
      conference.place,
      conference.totalAttendees,
    ]),
  );
  for (const [title, states] of [
    [w.identified, IDENTIFIED],
    [w.learned, LEARNED],
  ] as const) {
    report.section(
      title,
      { lesson: 2.5, observation: 3.5, recommendation: 3.5, status: 1.4, followUp: 2 },
      exercise.lessons
        .filter((lesson) => states.has(lesson.status))
        .map((lesson) => [
          lesson.title,
          lesson.observation,
          lesson.recommendation,
          labelOf(w.lessonStatuses, lesson.status),
          [lesson.followUpActivity?.code, lesson.followUpReference, lesson.statusNote]
            .filter(Boolean)
            .join(" — "),
        ]),
    );
  }
  return { pdf: await report.finish(), filename: `exercise-${exercise.code}-${language}.pdf` };
}
