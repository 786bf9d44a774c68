import type { Db } from "../../db/database.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";

/** HTTP routes of the readiness capability. */
export const readinessRoutes: RoutesPlugin = async () => {};

/** Demo data of the readiness capability (idempotent). */
export async function seedReadiness(_db: Db): Promise<void> {}
