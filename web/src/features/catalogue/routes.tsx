import {
  IconBell,
  IconBook2,
  IconBulb,
  IconCalendar,
  IconCalendarUser,
  IconInbox,
  IconListCheck,
  IconMessageStar,
  IconSearch,
  IconUserCheck,
} from "@tabler/icons-react";
import { type Feature, lazyPage, signedInNav } from "../../app/feature";
import { catalogueNavI18n } from "./nav-i18n";

const pages = {
  search: () => import("./pages/catalogue-search-page"),
  activity: () => import("./pages/activity-page"),
  activityForm: () => import("./pages/activity-form-page"),
  event: () => import("./pages/event-page"),
  inbox: () => import("./pages/inbox-page"),
  applications: () => import("./pages/applications-page"),
  schedule: () => import("./pages/schedule-page"),
  calendar: () => import("./pages/calendar-page"),
  proposals: () => import("./pages/proposals-page"),
};

export const catalogueFeature: Feature = {
  namespace: "catalogue",
  i18n: () => import("./i18n").then((m) => m.catalogueI18n),
  routes: [
    { path: "catalogue", lazy: lazyPage(pages.search, (m) => m.CatalogueSearchPage) },
    { path: "catalogue/activities/new", lazy: lazyPage(pages.activityForm, (m) => m.ActivityFormPage) },
    { path: "catalogue/activities/:id/edit", lazy: lazyPage(pages.activityForm, (m) => m.ActivityFormPage) },
    { path: "catalogue/activities/:id", lazy: lazyPage(pages.activity, (m) => m.ActivityPage) },
    { path: "catalogue/events/:id", lazy: lazyPage(pages.event, (m) => m.EventPage) },
    { path: "catalogue/inbox", lazy: lazyPage(pages.inbox, (m) => m.InboxPage) },
    { path: "catalogue/applications", lazy: lazyPage(pages.applications, (m) => m.ApplicationsPage) },
    { path: "catalogue/schedule", lazy: lazyPage(pages.schedule, (m) => m.SchedulePage) },
    { path: "catalogue/calendar", lazy: lazyPage(pages.calendar, (m) => m.CalendarPage) },
    { path: "catalogue/proposals", lazy: lazyPage(pages.proposals, (m) => m.ProposalsPage) },
  ],
  nav: {
    to: "/catalogue",
    label: "common:nav.catalogue",
    icon: IconBook2,
    items: [
      { to: "/catalogue", label: "catalogueNav:nav.search", icon: IconSearch },
      { to: "/catalogue/calendar", label: "catalogueNav:nav.calendar", icon: IconCalendar },
      {
        to: "/catalogue/proposals",
        label: "catalogueNav:nav.proposals",
        icon: IconBulb,
        visible: (p) => p.hasAnyRole("organiser", "course_director", "administrator"),
      },
      {
        to: "/catalogue/inbox",
        label: "catalogueNav:nav.inbox",
        icon: IconInbox,
        visible: (p) => p.hasAnyRole("organiser", "course_director", "administrator"),
      },
      {
        to: "/catalogue/applications",
        label: "catalogueNav:nav.applications",
        icon: IconUserCheck,
        visible: (p) => p.hasAnyRole("participant", "national_coordinator", "administrator"),
      },
      signedInNav({ to: "/catalogue/schedule", label: "catalogueNav:nav.schedule", icon: IconCalendarUser }),
      {
        to: "/feedback",
        label: "catalogueNav:nav.feedback",
        icon: IconMessageStar,
        matches: ["/feedback/activities"],
        visible: (p) => p.hasRole("participant"),
      },
      {
        to: "/feedback/questions",
        label: "catalogueNav:nav.feedbackQuestions",
        icon: IconListCheck,
        visible: (p) => p.isAdministrator,
      },
      signedInNav({ to: "/notifications", label: "catalogueNav:nav.notifications", icon: IconBell }),
    ],
  },
};

/** The bundled navbar labels of the feature (namespace `catalogueNav`). */
export const catalogueNavFeature: Feature = { namespace: "catalogueNav", i18n: catalogueNavI18n };
