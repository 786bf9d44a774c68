import { defineResources } from "../../shared/i18n/languages";

/** The navbar's labels of the feature, bundled with the app; the feature's own strings load with its first page. */
export const meetingsNavI18n = defineResources({
  en: { nav: { meetings: "Meetings", actions: "Action items" } },
  az: { nav: { meetings: "Toplantılar", actions: "Tapşırıqlar" } },
  ru: { nav: { meetings: "Совещания", actions: "Поручения" } },
});
