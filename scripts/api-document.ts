import { buildApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { createKysely, createPool } from "../src/db/database.js";

/** The OpenAPI document of the routes as built, without a database (the pool is never used). */
export async function apiDocument(): Promise<Record<string, unknown>> {
  const url = "postgres://nobody@127.0.0.1:1/none";
  const db = createKysely(createPool(url, 1));
  const app = await buildApp({
    config: loadConfig({}, { databaseUrl: url, logLevel: "silent" }),
    db,
    logger: false,
  });
  try {
    await app.ready();
    return app.swagger() as unknown as Record<string, unknown>;
  } finally {
    await app.close();
  }
}
