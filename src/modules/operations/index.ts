import type { Db } from "../../db/database.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";

/** HTTP routes of the operations capability. */
export const operationsRoutes: RoutesPlugin = async () => {};

/** Demo data of the operations capability (idempotent). */
export async function seedOperations(_db: Db): Promise<void> {}
