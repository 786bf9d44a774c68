import { IconArchive } from "@tabler/icons-react";
import { type Feature, lazyPage } from "../../app/feature";

const pages = {
  list: () => import("./pages/exchange-page"),
  compose: () => import("./pages/compose-page"),
  message: () => import("./pages/message-page"),
};

export const exchangeFeature: Feature = {
  namespace: "exchange",
  i18n: () => import("./i18n").then((m) => m.exchangeI18n),
  routes: [
    { path: "exchange", lazy: lazyPage(pages.list, (m) => m.ExchangePage) },
    { path: "exchange/new", lazy: lazyPage(pages.compose, (m) => m.ComposePage) },
    { path: "exchange/:id", lazy: lazyPage(pages.message, (m) => m.MessagePage) },
  ],
  nav: { to: "/exchange", label: "common:nav.exchange", icon: IconArchive, visible: (p) => p.signedIn },
};
