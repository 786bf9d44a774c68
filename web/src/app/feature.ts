import type { ComponentType } from "react";
import type { RouteObject } from "react-router-dom";
import type { Permissions } from "../shared/auth";
import type { FeatureI18n } from "../shared/i18n/languages";

export type NavIcon = ComponentType<{ size?: number | string; stroke?: number }>;

export interface NavItem {
  to: string;
  /** An i18n key, prefixed with its namespace: `"directory:nav.nations"`. */
  label: string;
  icon?: NavIcon;
  /** Other path prefixes whose pages belong to this entry (a plan's periods belong to "Plans and periods"). */
  matches?: string[];
  /** Hide the link from users who cannot use it (the server still decides). */
  visible?: (permissions: Permissions) => boolean;
}

/** A top-level entry of the navbar: a link (`to`) or a group of links (`items`). */
export interface NavSection extends NavItem {
  items?: NavItem[];
}

/**
 * One capability of the web app. A feature folder exports its routes (`routes.tsx`) and its i18next
 * namespace (`i18n.ts`); `app/features.ts` lists the features, in navbar order.
 */
export interface Feature {
  /** The i18next namespace of the feature's strings; by convention the folder name. */
  namespace: string;
  /**
   * The namespace's strings: the resources themselves (bundled with the app; fine for a few dozen strings)
   * or `() => import("./i18n").then((m) => m.xI18n)` to load them with the feature's first page.
   */
  i18n?: FeatureI18n;
  /** Routes inside the application shell (navbar, header). Paths are relative to `/`. */
  routes?: RouteObject[];
  /** Full-page routes without the shell (sign-in, forced password change). */
  bareRoutes?: RouteObject[];
  nav?: NavSection;
}

/**
 * Route-level code splitting: the page's module is fetched when the route is first visited.
 * `lazyPage(() => import("./pages/nations-list-page"), (m) => m.NationsListPage)`
 */
export function lazyPage<M>(load: () => Promise<M>, pick: (module: M) => ComponentType) {
  return async () => ({ Component: pick(await load()) });
}

/** A navbar entry that only signed-in users see: the `visible` rule most entries carry. */
export function signedInNav<T extends NavItem>(item: T): T {
  return { ...item, visible: (permissions) => permissions.signedIn };
}
