import { sql } from "kysely";
import { Type } from "typebox";
import { pendingMigrations } from "../../db/migrate.js";
import type { RoutesPlugin } from "./type-provider.js";

const Health = Type.Object({
  status: Type.String(),
  pendingMigrations: Type.Optional(Type.Array(Type.String())),
});

export const healthRoutes: RoutesPlugin = async (app) => {
  app.get(
    "/healthz",
    { schema: { tags: ["health"], summary: "The process is up", response: { 200: Health } } },
    async () => ({ status: "ok" }),
  );

  app.get(
    "/readyz",
    {
      schema: {
        tags: ["health"],
        summary: "The database answers and every migration is applied",
        response: { 200: Health, 503: Health },
      },
    },
    async (request, reply) => {
      const { db } = request.server.deps;
      try {
        await sql`select 1`.execute(db);
        const pending = await pendingMigrations(db);
        if (pending.length)
          return reply.status(503).send({ status: "migrations pending", pendingMigrations: pending });
        return { status: "ready" };
      } catch {
        return reply.status(503).send({ status: "database unreachable" });
      }
    },
  );
};
