import { type Feature, lazyPage } from "../../app/feature";

const pages = { search: () => import("./pages/search-page") };

/** The global search's results page; the box that opens it is in the header (components/header-search). */
export const searchFeature: Feature = {
  namespace: "search",
  i18n: () => import("./i18n").then((m) => m.searchI18n),
  routes: [{ path: "search", lazy: lazyPage(pages.search, (m) => m.SearchPage) }],
};
