import type { Db } from "../../db/database.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";

/** HTTP routes of the catalogue capability. */
export const catalogueRoutes: RoutesPlugin = async () => {};

/** Demo data of the catalogue capability (idempotent). */
export async function seedCatalogue(_db: Db): Promise<void> {}
