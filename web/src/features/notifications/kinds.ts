import { notificationsI18n } from "./i18n";

/** The kinds of notice a person may be told of, in the order the settings page lists them. */
export const NOTICE_KINDS = Object.keys(
  notificationsI18n.en.kinds,
) as (keyof typeof notificationsI18n.en.kinds)[];
/** Groups of kinds, by their prefix (the list's filter accepts a prefix ending in "."). */
export const NOTICE_GROUPS = Object.keys(
  notificationsI18n.en.groups,
) as (keyof typeof notificationsI18n.en.groups)[];
