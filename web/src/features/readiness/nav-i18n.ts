import { defineResources } from "../../shared/i18n/languages";

/** The navbar's labels of the feature, bundled with the app; the feature's own strings load with its first page. */
export const readinessNavI18n = defineResources({
  en: { nav: { evaluations: "Evaluations", units: "Units", checklists: "Checklists" } },
  az: { nav: { evaluations: "Qiymətləndirmələr", units: "Bölmələr", checklists: "Yoxlama siyahıları" } },
  ru: { nav: { evaluations: "Оценки", units: "Подразделения", checklists: "Контрольные перечни" } },
});
