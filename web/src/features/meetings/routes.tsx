import { IconListCheck, IconMessages, IconUsersGroup } from "@tabler/icons-react";
import { type Feature, lazyPage } from "../../app/feature";
import { meetingsI18n } from "./i18n";

const pages = {
  meetings: () => import("./pages/meetings-page"),
  meeting: () => import("./pages/meeting-page"),
  actions: () => import("./pages/action-tracker-page"),
};

export const meetingsFeature: Feature = {
  namespace: "meetings",
  // Bundled with the app: the navbar shows this namespace's labels before any meetings page is opened.
  i18n: meetingsI18n,
  routes: [
    { path: "meetings", lazy: lazyPage(pages.meetings, (m) => m.MeetingsPage) },
    { path: "meetings/actions", lazy: lazyPage(pages.actions, (m) => m.ActionTrackerPage) },
    { path: "meetings/:id", lazy: lazyPage(pages.meeting, (m) => m.MeetingPage) },
  ],
  nav: {
    to: "/meetings",
    label: "common:nav.meetings",
    icon: IconMessages,
    visible: (p) => p.signedIn,
    items: [
      { to: "/meetings", label: "meetings:nav.meetings", icon: IconUsersGroup, visible: (p) => p.signedIn },
      {
        to: "/meetings/actions",
        label: "meetings:nav.actions",
        icon: IconListCheck,
        visible: (p) => p.signedIn,
      },
    ],
  },
};
