import { IconFileSearch } from "@tabler/icons-react";
import { type Feature, lazyPage } from "../../app/feature";

export const auditFeature: Feature = {
  namespace: "audit",
  i18n: () => import("./i18n").then((m) => m.auditI18n),
  routes: [
    {
      path: "audit",
      lazy: lazyPage(
        () => import("./pages/audit-page"),
        (m) => m.AuditPage,
      ),
    },
  ],
  nav: {
    to: "/audit",
    label: "common:nav.audit",
    icon: IconFileSearch,
    visible: (p) =>
      p.isAdministrator ||
      !!p.user?.grants.some((g) => g.role === "auditor" && !g.nationId && !g.organisationId),
  },
};
