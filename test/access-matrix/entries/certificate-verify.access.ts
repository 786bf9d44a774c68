import { type AccessEntry, PUBLIC } from "../matrix.js";
import { certificate } from "./training.access.js";

export const accessEntries: AccessEntry[] = [
  {
    method: "GET",
    url: "/api/public/certificate-lookup",
    // Anyone holding the printed certificate: its number and the holder's family name, whoever owns the record.
    access: PUBLIC,
    request: async (ctx, scope) => {
      const { id } = await certificate(ctx, scope);
      const row = await ctx.db
        .selectFrom("certificate")
        .select(["number", "holderName"])
        .where("id", "=", id)
        .executeTakeFirstOrThrow();
      await ctx.db.deleteFrom("rateLimitHit").where("key", "like", "certificate-verify:%").execute();
      const holder = encodeURIComponent(row.holderName.split(/\s+/).at(-1)!);
      return {
        url: `/api/public/certificate-lookup?number=${encodeURIComponent(row.number)}&holder=${holder}`,
      };
    },
  },
];
