import { type Feature, lazyPage } from "../../app/feature";
import { notificationsI18n } from "./i18n";

const pages = {
  list: () => import("./pages/notifications-page"),
  preferences: () => import("./pages/preferences-page"),
};

/** One's notices and how they arrive; the bell (header) and "what needs you" (home) use the same strings. */
export const notificationsFeature: Feature = {
  namespace: "notifications",
  i18n: notificationsI18n,
  routes: [
    { path: "notifications", lazy: lazyPage(pages.list, (m) => m.NotificationsPage) },
    { path: "notifications/preferences", lazy: lazyPage(pages.preferences, (m) => m.PreferencesPage) },
  ],
};
