import type { Db } from "../../db/database.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";

/** HTTP routes of the meetings capability. */
export const meetingsRoutes: RoutesPlugin = async () => {};

/** Demo data of the meetings capability (idempotent). */
export async function seedMeetings(_db: Db): Promise<void> {}
