import { IconListCheck, IconMessages, IconUsersGroup } from "@tabler/icons-react";
import { type Feature, lazyPage, signedInNav } from "../../app/feature";
import { meetingsNavI18n } from "./nav-i18n";

const pages = {
  meetings: () => import("./pages/meetings-page"),
  meeting: () => import("./pages/meeting-page"),
  actions: () => import("./pages/action-tracker-page"),
};

export const meetingsFeature: Feature = {
  namespace: "meetings",
  i18n: () => import("./i18n").then((m) => m.meetingsI18n),
  routes: [
    { path: "meetings", lazy: lazyPage(pages.meetings, (m) => m.MeetingsPage) },
    { path: "meetings/actions", lazy: lazyPage(pages.actions, (m) => m.ActionTrackerPage) },
    { path: "meetings/:id", lazy: lazyPage(pages.meeting, (m) => m.MeetingPage) },
  ],
  nav: signedInNav({
    to: "/meetings",
    label: "common:nav.meetings",
    icon: IconMessages,
    items: [
      signedInNav({ to: "/meetings", label: "meetingsNav:nav.meetings", icon: IconUsersGroup }),
      signedInNav({ to: "/meetings/actions", label: "meetingsNav:nav.actions", icon: IconListCheck }),
    ],
  }),
};

/** The bundled navbar labels of the feature (namespace `meetingsNav`). */
export const meetingsNavFeature: Feature = { namespace: "meetingsNav", i18n: meetingsNavI18n };
