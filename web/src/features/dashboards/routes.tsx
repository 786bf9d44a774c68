import { IconChartBar } from "@tabler/icons-react";
import { type Feature, lazyPage, signedInNav } from "../../app/feature";
import { dashboardsI18n } from "./i18n";

const pages = {
  nation: () => import("./pages/nation-dashboard-page"),
  nations: () => import("./pages/nations-dashboard-page"),
};

/** Dashboards: a nation's figures, and the nations side by side; the home page shows the one for the role. */
export const dashboardsFeature: Feature = {
  namespace: "dashboards",
  i18n: dashboardsI18n,
  routes: [
    { path: "dashboards", lazy: lazyPage(pages.nation, (m) => m.NationDashboardPage) },
    { path: "dashboards/nations", lazy: lazyPage(pages.nations, (m) => m.NationsDashboardPage) },
  ],
  nav: signedInNav({
    to: "/dashboards",
    label: "dashboards:nav.dashboards",
    icon: IconChartBar,
    items: [
      { to: "/dashboards", label: "dashboards:nav.nation" },
      { to: "/dashboards/nations", label: "dashboards:nav.nations" },
    ],
  }),
};
