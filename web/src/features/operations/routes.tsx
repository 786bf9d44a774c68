import { IconBook, IconCalendarEvent, IconCoin, IconFlag3, IconTimeline } from "@tabler/icons-react";
import { type Feature, lazyPage } from "../../app/feature";
import { exercisesNavI18n } from "./nav-i18n";

const pages = {
  exercises: () => import("./pages/exercises-list-page"),
  exercise: () => import("./pages/exercise-page"),
  lessons: () => import("./pages/lessons-board-page"),
  operations: () => import("./pages/operations-page"),
  operation: () => import("./pages/operation-page"),
  contingent: () => import("./pages/contingent-page"),
  contributions: () => import("./pages/contributions-page"),
};

/** Exercises, operations, contingents and contributions: pages under /exercises and /operations. */
export const operationsFeature: Feature = {
  namespace: "operations",
  i18n: () => import("./i18n").then((m) => m.operationsI18n),
  routes: [
    { path: "exercises", lazy: lazyPage(pages.exercises, (m) => m.ExercisesListPage) },
    { path: "exercises/lessons", lazy: lazyPage(pages.lessons, (m) => m.LessonsBoardPage) },
    { path: "exercises/:id", lazy: lazyPage(pages.exercise, (m) => m.ExercisePage) },
    { path: "operations", lazy: lazyPage(pages.operations, (m) => m.OperationsPage) },
    { path: "operations/contributions", lazy: lazyPage(pages.contributions, (m) => m.ContributionsPage) },
    { path: "operations/contingents/:id", lazy: lazyPage(pages.contingent, (m) => m.ContingentPage) },
    { path: "operations/:id", lazy: lazyPage(pages.operation, (m) => m.OperationPage) },
  ],
};

/** The navbar section; its few labels are bundled so the menu is translated before any page loads. */
export const exercisesNavFeature: Feature = {
  namespace: "exercises",
  i18n: exercisesNavI18n,
  nav: {
    to: "/exercises",
    label: "common:nav.exercises",
    icon: IconCalendarEvent,
    items: [
      { to: "/exercises", label: "exercises:exercises", icon: IconFlag3 },
      { to: "/exercises/lessons", label: "exercises:lessons", icon: IconBook },
      { to: "/operations", label: "exercises:operations", icon: IconTimeline },
      {
        to: "/operations/contributions",
        label: "exercises:contributions",
        icon: IconCoin,
        visible: (p) => p.signedIn,
      },
    ],
  },
};
