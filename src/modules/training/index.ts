import type { Db } from "../../db/database.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";

/** HTTP routes of the training capability. */
export const trainingRoutes: RoutesPlugin = async () => {};

/** Demo data of the training capability (idempotent). */
export async function seedTraining(_db: Db): Promise<void> {}
