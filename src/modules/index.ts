import type { RoutesPlugin } from "../platform/http/type-provider.js";
import { auditRoutes } from "./audit/index.js";
import { allocationsRoutes, catalogueRoutes, feedbackRoutes, offersRoutes } from "./catalogue/index.js";
import { directoryRoutes } from "./directory/index.js";
import { identityRoutes } from "./identity/index.js";
import { importsRoutes } from "./imports/index.js";
import { meetingsRoutes } from "./meetings/index.js";
import { notificationsRoutes } from "./notifications/index.js";
import { operationsRoutes } from "./operations/index.js";
import { packagesRoutes } from "./packages/index.js";
import { programmesRoutes } from "./programmes/index.js";
import { readinessRoutes } from "./readiness/index.js";
import { searchRoutes } from "./search/index.js";
import { trainingRoutes } from "./training/index.js";
import { transparencyRoutes } from "./transparency/index.js";

/** Every capability's HTTP plugin, in registration order. Add a capability here and nowhere else. */
export const modules: RoutesPlugin[] = [
  identityRoutes,
  directoryRoutes,
  catalogueRoutes,
  feedbackRoutes,
  offersRoutes,
  allocationsRoutes,
  programmesRoutes,
  trainingRoutes,
  readinessRoutes,
  operationsRoutes,
  meetingsRoutes,
  searchRoutes,
  notificationsRoutes,
  importsRoutes,
  packagesRoutes,
  auditRoutes,
  transparencyRoutes,
];
