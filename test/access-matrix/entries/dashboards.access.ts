import { type AccessEntry, type MatrixContext, SIGNED_IN } from "../matrix.js";

/**
 * Dashboards answer every signed-in caller, with figures counted over the records the caller may see (the API tests
 * in src/modules/programmes/dashboard.test.ts assert that another nation's restricted records add nothing).
 */
const nationOf = (ctx: MatrixContext, scope: "in" | "out") =>
  scope === "in" ? ctx.inScope.nationId : ctx.outOfScope.nationId;

export const accessEntries: AccessEntry[] = [
  {
    method: "GET",
    url: "/api/dashboards/nation",
    access: SIGNED_IN,
    request: (ctx, scope) => ({ url: `/api/dashboards/nation?nationId=${nationOf(ctx, scope)}` }),
  },
  {
    method: "GET",
    url: "/api/dashboards/nation/export",
    access: SIGNED_IN,
    request: (ctx, scope) => ({
      url: `/api/dashboards/nation/export?nationId=${nationOf(ctx, scope)}&chart=programme`,
    }),
  },
  {
    method: "GET",
    url: "/api/dashboards/nations",
    access: SIGNED_IN,
    request: (ctx, scope) => ({ url: `/api/dashboards/nations?nationIds=${nationOf(ctx, scope)}` }),
  },
  {
    method: "GET",
    url: "/api/dashboards/nations/export",
    access: SIGNED_IN,
    request: (ctx, scope) => ({
      url: `/api/dashboards/nations/export?nationIds=${nationOf(ctx, scope)}&chart=goals`,
    }),
  },
];
