import type { TFunction } from "i18next";
import { optionsUnder } from "../../shared/ui";
import { notificationsI18n } from "./i18n";

/** The kinds of notice a person may be told of, in the order the settings page lists them. */
export const NOTICE_KINDS = Object.keys(
  notificationsI18n.en.kinds,
) as (keyof typeof notificationsI18n.en.kinds)[];
/** Groups of kinds, by their prefix (the list's filter accepts a prefix ending in "."). */
export const NOTICE_GROUPS = Object.keys(
  notificationsI18n.en.groups,
) as (keyof typeof notificationsI18n.en.groups)[];

/** The list's filter by kind: the groups of kinds, then every single kind (`t` of the notifications namespace). */
export const noticeKindOptions = (t: TFunction) => [
  { group: t("groupsHeading"), items: optionsUnder(t, "groups", NOTICE_GROUPS) },
  { group: t("kindsHeading"), items: optionsUnder(t, "kinds", NOTICE_KINDS) },
];
