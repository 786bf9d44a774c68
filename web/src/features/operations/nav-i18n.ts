import { defineResources } from "../../shared/i18n/languages";

/** The navbar's labels of the feature, bundled with the app so the menu reads right before a page loads. */
export const exercisesNavI18n = defineResources({
  en: {
    exercises: "Exercises",
    lessons: "Lessons board",
    operations: "Operations",
    contributions: "Contributions",
  },
  az: {
    exercises: "Təlimlər",
    lessons: "Dərslər lövhəsi",
    operations: "Əməliyyatlar",
    contributions: "Töhfələr",
  },
  ru: { exercises: "Учения", lessons: "Доска уроков", operations: "Операции", contributions: "Взносы" },
});
