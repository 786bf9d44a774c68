import {
  IconFileAnalytics,
  IconListCheck,
  IconTarget,
  IconTargetArrow,
  IconTimeline,
} from "@tabler/icons-react";
import { type Feature, lazyPage, signedInNav } from "../../app/feature";
import { programmesNavI18n } from "./nav-i18n";

const pages = {
  timeline: () => import("./pages/timeline-page"),
  plans: () => import("./pages/plans-page"),
  plan: () => import("./pages/plan-page"),
  period: () => import("./pages/period-page"),
  objective: () => import("./pages/objective-page"),
  programmes: () => import("./pages/programmes-page"),
  programme: () => import("./pages/programme-page"),
  goals: () => import("./pages/goals-page"),
  goal: () => import("./pages/goal-page"),
  framework: () => import("./pages/framework-page"),
};

export const programmesFeature: Feature = {
  namespace: "programmes",
  i18n: () =>
    Promise.all([import("./i18n"), import("./authoring-i18n"), import("./agreement-i18n")]).then(
      ([base, { authoringI18n }, { agreementI18n }]) => ({
        en: { ...base.programmesI18n.en, authoring: authoringI18n.en, agreement: agreementI18n.en },
        az: { ...base.programmesI18n.az, authoring: authoringI18n.az, agreement: agreementI18n.az },
        ru: { ...base.programmesI18n.ru, authoring: authoringI18n.ru, agreement: agreementI18n.ru },
      }),
    ),
  routes: [
    { path: "programmes", lazy: lazyPage(pages.timeline, (m) => m.TimelinePage) },
    { path: "programmes/plans", lazy: lazyPage(pages.plans, (m) => m.PlansPage) },
    { path: "programmes/plans/:id", lazy: lazyPage(pages.plan, (m) => m.PlanPage) },
    { path: "programmes/periods/:id", lazy: lazyPage(pages.period, (m) => m.PeriodPage) },
    { path: "programmes/objectives/:id", lazy: lazyPage(pages.objective, (m) => m.ObjectivePage) },
    { path: "programmes/annual", lazy: lazyPage(pages.programmes, (m) => m.ProgrammesPage) },
    { path: "programmes/annual/:id", lazy: lazyPage(pages.programme, (m) => m.ProgrammePage) },
    { path: "programmes/goals", lazy: lazyPage(pages.goals, (m) => m.GoalsPage) },
    { path: "programmes/goals/:id", lazy: lazyPage(pages.goal, (m) => m.GoalPage) },
    { path: "programmes/frameworks/:id", lazy: lazyPage(pages.framework, (m) => m.FrameworkPage) },
  ],
  nav: signedInNav({
    to: "/programmes",
    label: "common:nav.programmes",
    icon: IconTargetArrow,
    items: [
      { to: "/programmes", label: "programmesNav:nav.timeline", icon: IconTimeline },
      {
        to: "/programmes/plans",
        label: "programmesNav:nav.plans",
        icon: IconFileAnalytics,
        matches: ["/programmes/periods", "/programmes/objectives", "/programmes/frameworks"],
      },
      { to: "/programmes/annual", label: "programmesNav:nav.programmes", icon: IconListCheck },
      { to: "/programmes/goals", label: "programmesNav:nav.goals", icon: IconTarget },
    ],
  }),
};

/** The bundled navbar labels of the feature (namespace `programmesNav`). */
export const programmesNavFeature: Feature = { namespace: "programmesNav", i18n: programmesNavI18n };
