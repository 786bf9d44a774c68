import type { Db } from "../../db/database.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";

/** HTTP routes of the programmes capability. */
export const programmesRoutes: RoutesPlugin = async () => {};

/** Demo data of the programmes capability (idempotent). */
export async function seedProgrammes(_db: Db): Promise<void> {}
