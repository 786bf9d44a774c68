import {
  IconArchive,
  IconChecklist,
  IconFileSearch,
  IconMessages,
  IconSchool,
  IconSettings,
  IconTargetArrow,
} from "@tabler/icons-react";
import { authFeature } from "../features/auth/routes";
import { catalogueFeature } from "../features/catalogue/routes";
import { directoryFeature } from "../features/directory/routes";
import { exercisesNavFeature, operationsFeature } from "../features/operations/routes";
import { comingSoon } from "./coming-soon-page";
import type { Feature } from "./feature";

/**
 * Every feature of the web app, in navbar order. To add one: create `features/<name>/` with `routes.tsx`
 * exporting a `Feature` and `i18n.ts` with its namespace, then replace its `comingSoon(...)` line here.
 */
export const features: Feature[] = [
  authFeature,
  directoryFeature,
  catalogueFeature,
  comingSoon("programmes", IconTargetArrow),
  comingSoon("training", IconSchool),
  comingSoon("readiness", IconChecklist),
  exercisesNavFeature,
  operationsFeature,
  comingSoon("meetings", IconMessages),
  comingSoon("exchange", IconArchive),
  comingSoon("audit", IconFileSearch, (p) => p.hasAnyRole("auditor", "administrator")),
  comingSoon("admin", IconSettings, (p) => p.isAdministrator),
];
