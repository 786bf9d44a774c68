/** Texts of accepting a person already committed over the event's dates (issue 22, item 4). */
import { defineResources } from "../../shared/i18n/languages";

export const doubleBookingI18n = defineResources({
  en: {
    title: "Already committed over these dates",
    intro:
      "{{name}} is already committed over the dates of {{event}}. Accept anyway only with a reason: it is kept on the nomination and in the audit trail.",
    kind: "Kind",
    commitment: "Commitment",
    dates: "Dates",
    evaluationTeam: "Evaluation team",
    notReleasable: "Not releasable to you",
    reason: "Reason for accepting anyway",
    reasonRequired: "A reason is required",
    acceptAnyway: "Accept anyway",
    keep: "Leave undecided",
    overridden: "Accepted over a double booking: {{reason}}",
  },
  az: {
    title: "Bu tarixlərdə artıq öhdəliyi var",
    intro:
      "{{name}} {{event}} tarixlərində artıq başqa öhdəliyə malikdir. Yalnız səbəb göstərərək yenə də qəbul edin: səbəb namizədlikdə və audit jurnalında saxlanılır.",
    kind: "Növ",
    commitment: "Öhdəlik",
    dates: "Tarixlər",
    evaluationTeam: "Qiymətləndirmə qrupu",
    notReleasable: "Sizə açıq deyil",
    reason: "Yenə də qəbul etmənin səbəbi",
    reasonRequired: "Səbəb tələb olunur",
    acceptAnyway: "Yenə də qəbul et",
    keep: "Qərarsız saxla",
    overridden: "İkiqat məşğulluğa baxmayaraq qəbul edildi: {{reason}}",
  },
  ru: {
    title: "В эти даты уже занят",
    intro:
      "{{name}} уже занят(а) в даты мероприятия {{event}}. Принять всё равно можно только с указанием причины: она сохраняется в номинации и в журнале аудита.",
    kind: "Вид",
    commitment: "Занятость",
    dates: "Даты",
    evaluationTeam: "Группа оценки",
    notReleasable: "Вам не доступно",
    reason: "Причина, по которой принять всё равно",
    reasonRequired: "Укажите причину",
    acceptAnyway: "Принять всё равно",
    keep: "Оставить без решения",
    overridden: "Принят(а) несмотря на пересечение: {{reason}}",
  },
});
