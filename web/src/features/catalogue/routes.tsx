import {
  IconBell,
  IconBook2,
  IconCalendar,
  IconCalendarUser,
  IconInbox,
  IconSearch,
} from "@tabler/icons-react";
import { type Feature, lazyPage } from "../../app/feature";
import { catalogueI18n } from "./i18n";

const pages = {
  search: () => import("./pages/catalogue-search-page"),
  activity: () => import("./pages/activity-page"),
  activityForm: () => import("./pages/activity-form-page"),
  event: () => import("./pages/event-page"),
  inbox: () => import("./pages/inbox-page"),
  schedule: () => import("./pages/schedule-page"),
  calendar: () => import("./pages/calendar-page"),
  notifications: () => import("./pages/notifications-page"),
};

export const catalogueFeature: Feature = {
  namespace: "catalogue",
  // Bundled with the app: the navbar shows this namespace's labels before any catalogue page is opened.
  i18n: catalogueI18n,
  routes: [
    { path: "catalogue", lazy: lazyPage(pages.search, (m) => m.CatalogueSearchPage) },
    { path: "catalogue/activities/new", lazy: lazyPage(pages.activityForm, (m) => m.ActivityFormPage) },
    { path: "catalogue/activities/:id/edit", lazy: lazyPage(pages.activityForm, (m) => m.ActivityFormPage) },
    { path: "catalogue/activities/:id", lazy: lazyPage(pages.activity, (m) => m.ActivityPage) },
    { path: "catalogue/events/:id", lazy: lazyPage(pages.event, (m) => m.EventPage) },
    { path: "catalogue/inbox", lazy: lazyPage(pages.inbox, (m) => m.InboxPage) },
    { path: "catalogue/schedule", lazy: lazyPage(pages.schedule, (m) => m.SchedulePage) },
    { path: "catalogue/calendar", lazy: lazyPage(pages.calendar, (m) => m.CalendarPage) },
    { path: "notifications", lazy: lazyPage(pages.notifications, (m) => m.NotificationsPage) },
  ],
  nav: {
    to: "/catalogue",
    label: "common:nav.catalogue",
    icon: IconBook2,
    items: [
      { to: "/catalogue", label: "catalogue:nav.search", icon: IconSearch },
      { to: "/catalogue/calendar", label: "catalogue:nav.calendar", icon: IconCalendar },
      {
        to: "/catalogue/inbox",
        label: "catalogue:nav.inbox",
        icon: IconInbox,
        visible: (p) => p.hasAnyRole("organiser", "course_director", "administrator"),
      },
      {
        to: "/catalogue/schedule",
        label: "catalogue:nav.schedule",
        icon: IconCalendarUser,
        visible: (p) => p.signedIn,
      },
      {
        to: "/notifications",
        label: "catalogue:nav.notifications",
        icon: IconBell,
        visible: (p) => p.signedIn,
      },
    ],
  },
};
