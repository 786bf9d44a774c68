import "./readiness.policy.js";
import { authorize } from "../../platform/access/policy.js";
import type { Ctx } from "../../platform/http/request-context.js";
import { formatDate, personName, type ReportLanguage, reportLanguage } from "../../platform/pdf-report.js";
import { dateRange, fillIn, labelOf, nameAndCode, openRecordReport } from "../../platform/record-report.js";
import { getEvaluation, loadEvaluation } from "./evaluations.service.js";
import { getResults } from "./results.service.js";

const WORDS = {
  en: {
    title: "Evaluation report",
    unit: "Unit",
    nation: "Nation",
    kind: "Kind",
    state: "State",
    dates: "Dates",
    evaluator: "Evaluating organisation",
    checklist: "Checklist",
    outcome: "Outcome",
    computed: "Outcome computed from the answers",
    pending: "not decided yet",
    overall: "Overall",
    overallLine: "{yes} yes, {no} no, {ne} not evaluated, {open} unanswered; {percent} (pass mark {pass}%)",
    reportedAt: "Reported on",
    phases: "Phases",
    phase: "Phase",
    from: "From",
    to: "To",
    team: "Team",
    role: "Role",
    name: "Name",
    certified: "Certified evaluator",
    summary: "Summary statement",
    areas: "Results by area",
    area: "Area",
    yes: "Yes",
    no: "No",
    notEvaluated: "Not evaluated",
    unanswered: "Unanswered",
    percent: "%",
    criticalNo: "Critical “no”",
    passed: "Passed",
    findings: "Findings",
    recommendations: "Recommendations",
    text: "Text",
    actions: "Follow-up actions",
    action: "Action",
    owner: "Owner",
    due: "Due",
    status: "Status",
    none: "None.",
    yesWord: "yes",
    noWord: "no",
    general: "general",
    roles: { lead: "lead", evaluator: "evaluator" },
    kinds: {
      self_evaluation_l1: "Self-evaluation level 1",
      alliance_evaluation_l1: "Alliance evaluation level 1",
      self_evaluation_l2: "Self-evaluation level 2",
      alliance_evaluation_l2: "Alliance evaluation level 2",
      combat_readiness_evaluation: "Combat readiness evaluation",
    },
    states: { planned: "Planned", in_progress: "In progress", reported: "Reported", cancelled: "Cancelled" },
    outcomes: {
      combat_ready: "Combat ready",
      not_combat_ready: "Not combat ready",
      meets_standards: "Meets the standards",
      does_not_meet_standards: "Does not meet the standards",
    },
    phaseNames: {
      coordination_meeting: "Coordination meeting",
      phase_1_barracks: "Phase 1 in barracks",
      phase_2_exercise: "Phase 2 exercise",
      phase_3_report: "Phase 3 report and after-action review",
    },
    actionStatuses: { open: "Open", in_progress: "In progress", done: "Done", cancelled: "Cancelled" },
  },
  az: {
    title: "Qiymətləndirmə hesabatı",
    unit: "Bölmə",
    nation: "Ölkə",
    kind: "Növ",
    state: "Vəziyyət",
    dates: "Tarixlər",
    evaluator: "Qiymətləndirən təşkilat",
    checklist: "Yoxlama siyahısı",
    outcome: "Nəticə",
    computed: "Cavablardan hesablanmış nəticə",
    pending: "hələ qərar verilməyib",
    overall: "Ümumi",
    overallLine:
      "{yes} bəli, {no} xeyr, {ne} qiymətləndirilməyib, {open} cavabsız; {percent} (keçid həddi {pass}%)",
    reportedAt: "Hesabat tarixi",
    phases: "Mərhələlər",
    phase: "Mərhələ",
    from: "Başlanğıc",
    to: "Son",
    team: "Komanda",
    role: "Rol",
    name: "Ad, soyad",
    certified: "Sertifikatlı qiymətləndirici",
    summary: "Yekun rəy",
    areas: "Sahələr üzrə nəticələr",
    area: "Sahə",
    yes: "Bəli",
    no: "Xeyr",
    notEvaluated: "Qiymətləndirilməyib",
    unanswered: "Cavabsız",
    percent: "%",
    criticalNo: "Kritik “xeyr”",
    passed: "Keçib",
    findings: "Aşkarlanmış məsələlər",
    recommendations: "Tövsiyələr",
    text: "Mətn",
    actions: "Sonrakı tədbirlər",
    action: "Tədbir",
    owner: "Məsul",
    due: "Son tarix",
    status: "Status",
    none: "Yoxdur.",
    yesWord: "bəli",
    noWord: "xeyr",
    general: "ümumi",
    roles: { lead: "rəhbər", evaluator: "qiymətləndirici" },
    kinds: {
      self_evaluation_l1: "Özünüqiymətləndirmə, 1-ci səviyyə",
      alliance_evaluation_l1: "Alyans qiymətləndirməsi, 1-ci səviyyə",
      self_evaluation_l2: "Özünüqiymətləndirmə, 2-ci səviyyə",
      alliance_evaluation_l2: "Alyans qiymətləndirməsi, 2-ci səviyyə",
      combat_readiness_evaluation: "Döyüş hazırlığının qiymətləndirilməsi",
    },
    states: {
      planned: "Planlaşdırılıb",
      in_progress: "Davam edir",
      reported: "Hesabat verilib",
      cancelled: "Ləğv edilib",
    },
    outcomes: {
      combat_ready: "Döyüşə hazırdır",
      not_combat_ready: "Döyüşə hazır deyil",
      meets_standards: "Standartlara cavab verir",
      does_not_meet_standards: "Standartlara cavab vermir",
    },
    phaseNames: {
      coordination_meeting: "Koordinasiya görüşü",
      phase_1_barracks: "1-ci mərhələ: kazarmada",
      phase_2_exercise: "2-ci mərhələ: təlim",
      phase_3_report: "3-cü mərhələ: hesabat və təhlil",
    },
    actionStatuses: {
      open: "Açıq",
      in_progress: "İcra olunur",
      done: "İcra olunub",
      cancelled: "Ləğv edilib",
    },
  },
  ru: {
    title: "Отчёт об оценке",
    unit: "Подразделение",
    nation: "Страна",
    kind: "Вид",
    state: "Состояние",
    dates: "Даты",
    evaluator: "Оценивающая организация",
    checklist: "Контрольный перечень",
    outcome: "Итог",
    computed: "Итог, рассчитанный по ответам",
    pending: "ещё не определён",
    overall: "В целом",
    overallLine:
      "{yes} да, {no} нет, {ne} не оценено, {open} без ответа; {percent} (проходной порог {pass}%)",
    reportedAt: "Дата отчёта",
    phases: "Этапы",
    phase: "Этап",
    from: "С",
    to: "По",
    team: "Группа",
    role: "Роль",
    name: "Имя",
    certified: "Сертифицированный оценщик",
    summary: "Итоговое заключение",
    areas: "Результаты по областям",
    area: "Область",
    yes: "Да",
    no: "Нет",
    notEvaluated: "Не оценено",
    unanswered: "Без ответа",
    percent: "%",
    criticalNo: "Критические «нет»",
    passed: "Пройдено",
    findings: "Выявленные недостатки",
    recommendations: "Рекомендации",
    text: "Текст",
    actions: "Последующие меры",
    action: "Мера",
    owner: "Ответственный",
    due: "Срок",
    status: "Статус",
    none: "Нет.",
    yesWord: "да",
    noWord: "нет",
    general: "общее",
    roles: { lead: "руководитель", evaluator: "оценщик" },
    kinds: {
      self_evaluation_l1: "Самооценка, уровень 1",
      alliance_evaluation_l1: "Оценка альянса, уровень 1",
      self_evaluation_l2: "Самооценка, уровень 2",
      alliance_evaluation_l2: "Оценка альянса, уровень 2",
      combat_readiness_evaluation: "Оценка боевой готовности",
    },
    states: {
      planned: "Запланирована",
      in_progress: "Идёт",
      reported: "Отчёт представлен",
      cancelled: "Отменена",
    },
    outcomes: {
      combat_ready: "Боеготово",
      not_combat_ready: "Не боеготово",
      meets_standards: "Соответствует стандартам",
      does_not_meet_standards: "Не соответствует стандартам",
    },
    phaseNames: {
      coordination_meeting: "Координационное совещание",
      phase_1_barracks: "Этап 1: в пункте дислокации",
      phase_2_exercise: "Этап 2: учение",
      phase_3_report: "Этап 3: отчёт и разбор",
    },
    actionStatuses: { open: "Открыта", in_progress: "Выполняется", done: "Выполнена", cancelled: "Отменена" },
  },
} satisfies Record<ReportLanguage, unknown>;

/**
 * The evaluation's report as a PDF: outcome, overall and per-area results, findings, recommendations and the
 * follow-up actions, read through the evaluation's own reads (the same access: 404 to those who may not see it).
 */
export async function evaluationReportPdf(ctx: Ctx, id: string, lang?: ReportLanguage) {
  authorize(ctx.viewer, "evaluation.read");
  const row = await loadEvaluation(ctx, id);
  const [evaluation, results, language] = await Promise.all([
    getEvaluation(ctx, id),
    getResults(ctx, id),
    reportLanguage(ctx.db, ctx.viewer, lang),
  ]);
  const w = WORDS[language];
  const unit = evaluation.unit ? `${evaluation.unit.code} — ${evaluation.unit.nameEn}` : "—";
  const report = await openRecordReport(
    ctx,
    language,
    w,
    {
      title: `${w.title}: ${evaluation.title}`,
      subtitle: `${unit} · ${labelOf(w.kinds, evaluation.kind)}`,
    },
    row,
  );
  const percent = (value: number | null) => (value === null ? "—" : `${value}%`);
  const yesNo = (value: boolean) => (value ? w.yesWord : w.noWord);
  const o = results.overall;
  report.fields([
    [w.unit, unit],
    [w.nation, nameAndCode(evaluation.unitNation)],
    [w.kind, labelOf(w.kinds, evaluation.kind)],
    [w.state, labelOf(w.states, evaluation.state)],
    [w.dates, dateRange(evaluation.startsOn, evaluation.endsOn, language)],
    [w.evaluator, evaluation.evaluatingOrganisation?.nameEn],
    [
      w.checklist,
      evaluation.checklistVersion
        ? `${evaluation.checklistVersion.templateCode} v${evaluation.checklistVersion.version}`
        : null,
    ],
    [w.outcome, labelOf(w.outcomes, results.outcome) ?? w.pending],
    [w.computed, labelOf(w.outcomes, results.computedOutcome) ?? w.pending],
    [
      w.overall,
      fillIn(w.overallLine, {
        yes: o.yes,
        no: o.no,
        ne: o.notEvaluated,
        open: o.unanswered,
        percent: percent(o.percent),
        pass: results.passPercent,
      }),
    ],
    [
      w.reportedAt,
      evaluation.reportedAt ? formatDate(new Date(evaluation.reportedAt).toISOString(), language) : null,
    ],
  ]);

  report.heading(w.summary).paragraph(results.summaryStatement);

  const areaCodes = new Map(results.areas.map((area) => [area.areaId, `${area.code} ${area.title}`]));
  report.section(
    w.areas,
    { area: 4, yes: 1, no: 1, notEvaluated: 1.4, unanswered: 1.3, percent: 1, criticalNo: 1.3, passed: 1 },
    results.areas.map((area) => [
      `${area.code} ${area.title}`,
      area.yes,
      area.no,
      area.notEvaluated,
      area.unanswered,
      percent(area.percent),
      area.criticalNo,
      area.passed === null ? "—" : yesNo(area.passed),
    ]),
  );

  for (const [kind, title] of [
    ["finding", w.findings],
    ["recommendation", w.recommendations],
  ] as const) {
    report.section(
      title,
      { "#": 0.5, area: 2.5, text: 8 },
      results.findings
        .filter((finding) => finding.kind === kind)
        .map((finding, index) => [
          index + 1,
          finding.areaId ? (areaCodes.get(finding.areaId) ?? "") : w.general,
          finding.text,
        ]),
    );
  }

  report.section(
    w.actions,
    { action: 5, owner: 3, due: 2, status: 1.6 },
    results.actions.map((action) => [
      action.title,
      action.ownerPerson
        ? personName(action.ownerPerson, action.ownerPerson.nationCode)
        : (action.ownerOrganisation?.nameEn ?? ""),
      formatDate(action.dueOn, language),
      labelOf(w.actionStatuses, action.status),
    ]),
  );

  report.section(
    w.phases,
    { phase: 4, from: 2, to: 2 },
    evaluation.phases.map((phase) => [
      labelOf(w.phaseNames, phase.phase),
      formatDate(phase.startsOn, language),
      formatDate(phase.endsOn, language),
    ]),
  );
  report.section(
    w.team,
    { name: 5, role: 2, certified: 2 },
    evaluation.team.map((member) => [
      member.person ? personName(member.person, member.person.nationCode) : "",
      labelOf(w.roles, member.role),
      yesNo(member.certified),
    ]),
  );
  return { pdf: await report.finish(), filename: `evaluation-${id.slice(0, 8)}-${language}.pdf` };
}
