import { adminFeature } from "../features/admin/routes";
import { auditFeature } from "../features/audit/routes";
import { authFeature } from "../features/auth/routes";
import { catalogueFeature, catalogueNavFeature } from "../features/catalogue/routes";
import { dashboardsFeature } from "../features/dashboards/routes";
import { directoryFeature } from "../features/directory/routes";
import { exchangeFeature } from "../features/exchange/routes";
import { feedbackFeature } from "../features/feedback/routes";
import { meetingsFeature, meetingsNavFeature } from "../features/meetings/routes";
import { notificationsFeature } from "../features/notifications/routes";
import { exercisesNavFeature, operationsFeature } from "../features/operations/routes";
import { programmesFeature, programmesNavFeature } from "../features/programmes/routes";
import { readinessFeature, readinessNavFeature } from "../features/readiness/routes";
import { searchFeature } from "../features/search/routes";
import { trainingFeature, trainingNavFeature } from "../features/training/routes";
import type { Feature } from "./feature";

/**
 * Every feature of the web app, in navbar order. To add one: create `features/<name>/` with `routes.tsx`
 * exporting a `Feature` and `i18n.ts` with its namespace, then replace its `comingSoon(...)` line here.
 */
export const features: Feature[] = [
  authFeature,
  directoryFeature,
  dashboardsFeature,
  catalogueNavFeature,
  catalogueFeature,
  feedbackFeature,
  programmesNavFeature,
  programmesFeature,
  trainingNavFeature,
  trainingFeature,
  readinessNavFeature,
  readinessFeature,
  exercisesNavFeature,
  operationsFeature,
  meetingsNavFeature,
  meetingsFeature,
  exchangeFeature,
  notificationsFeature,
  searchFeature,
  auditFeature,
  adminFeature,
];
