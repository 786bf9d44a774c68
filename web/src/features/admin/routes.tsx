import { IconSettings } from "@tabler/icons-react";
import { type Feature, lazyPage } from "../../app/feature";

const pages = {
  users: () => import("./pages/users-list-page"),
  user: () => import("./pages/user-detail-page"),
  mail: () => import("./pages/outgoing-mail-page"),
};

export const adminFeature: Feature = {
  namespace: "admin",
  i18n: () => import("./i18n").then((m) => m.adminI18n),
  routes: [
    { path: "admin", lazy: lazyPage(pages.users, (m) => m.UsersListPage) },
    { path: "admin/users/:id", lazy: lazyPage(pages.user, (m) => m.UserDetailPage) },
    { path: "admin/mail", lazy: lazyPage(pages.mail, (m) => m.OutgoingMailPage) },
  ],
  nav: { to: "/admin", label: "common:nav.admin", icon: IconSettings, visible: (p) => p.isAdministrator },
};
