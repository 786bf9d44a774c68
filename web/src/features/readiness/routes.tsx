import { IconChecklist, IconClipboardCheck, IconListCheck, IconShieldCheck } from "@tabler/icons-react";
import { type Feature, lazyPage, signedInNav } from "../../app/feature";
import { readinessNavI18n } from "./nav-i18n";

const pages = {
  evaluations: () => import("./pages/evaluations-list-page"),
  plan: () => import("./pages/evaluation-plan-page"),
  evaluation: () => import("./pages/evaluation-detail-page"),
  checklist: () => import("./pages/checklist-entry-page"),
  results: () => import("./pages/results-page"),
  units: () => import("./pages/units-list-page"),
  unit: () => import("./pages/unit-page"),
  checklists: () => import("./pages/checklists-page"),
};

export const readinessFeature: Feature = {
  namespace: "readiness",
  i18n: () => import("./i18n").then((m) => m.readinessI18n),
  routes: [
    { path: "readiness", lazy: lazyPage(pages.evaluations, (m) => m.EvaluationsListPage) },
    { path: "readiness/evaluations/new", lazy: lazyPage(pages.plan, (m) => m.EvaluationPlanPage) },
    { path: "readiness/evaluations/:id", lazy: lazyPage(pages.evaluation, (m) => m.EvaluationDetailPage) },
    {
      path: "readiness/evaluations/:id/checklist",
      lazy: lazyPage(pages.checklist, (m) => m.ChecklistEntryPage),
    },
    { path: "readiness/evaluations/:id/results", lazy: lazyPage(pages.results, (m) => m.ResultsPage) },
    { path: "readiness/units", lazy: lazyPage(pages.units, (m) => m.UnitsListPage) },
    { path: "readiness/units/:id", lazy: lazyPage(pages.unit, (m) => m.UnitPage) },
    { path: "readiness/checklists", lazy: lazyPage(pages.checklists, (m) => m.ChecklistsPage) },
  ],
  nav: signedInNav({
    to: "/readiness",
    label: "common:nav.readiness",
    icon: IconChecklist,
    items: [
      signedInNav({ to: "/readiness", label: "readinessNav:nav.evaluations", icon: IconClipboardCheck }),
      signedInNav({ to: "/readiness/units", label: "readinessNav:nav.units", icon: IconShieldCheck }),
      signedInNav({ to: "/readiness/checklists", label: "readinessNav:nav.checklists", icon: IconListCheck }),
    ],
  }),
};

/** The navbar labels, bundled: the feature's own strings load with its first page. */
export const readinessNavFeature: Feature = { namespace: "readinessNav", i18n: readinessNavI18n };
