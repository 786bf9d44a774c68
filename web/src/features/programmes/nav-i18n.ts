import { defineResources } from "../../shared/i18n/languages";

/** The navbar's labels of the feature, bundled with the app; the feature's own strings load with its first page. */
export const programmesNavI18n = defineResources({
  en: {
    nav: {
      timeline: "Partnership timeline",
      plans: "Plans and periods",
      programmes: "Annual programmes",
      goals: "Partnership goals",
    },
  },
  az: {
    nav: {
      timeline: "Tərəfdaşlıq xronologiyası",
      plans: "Planlar və dövrlər",
      programmes: "İllik proqramlar",
      goals: "Tərəfdaşlıq məqsədləri",
    },
  },
  ru: {
    nav: {
      timeline: "Хронология партнёрства",
      plans: "Планы и периоды",
      programmes: "Годовые программы",
      goals: "Цели партнёрства",
    },
  },
});
