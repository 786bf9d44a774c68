import { type ExpressionBuilder, sql } from "kysely";
import { jsonObjectFrom } from "kysely/helpers/postgres";

/**
 * A linked nation or organisation as every answer embeds it, `{ id, code, nameEn }` or null, from the column that
 * holds its id (`"table.column"` or `"alias.column"` of the enclosing query).
 */
// biome-ignore lint/suspicious/noExplicitAny: the reference may come from any table or alias of the enclosing query
type AnyEb = ExpressionBuilder<any, any>;

export const nationRef = (eb: AnyEb, column: string) =>
  jsonObjectFrom(
    eb
      .selectFrom("nation as rn")
      .select(["rn.id", "rn.code", "rn.nameEn"])
      .whereRef("rn.id", "=", sql.ref(column)),
  );

export const organisationRef = (eb: AnyEb, column: string) =>
  jsonObjectFrom(
    eb
      .selectFrom("organisation as ro")
      .select(["ro.id", "ro.code", "ro.nameEn"])
      .whereRef("ro.id", "=", sql.ref(column)),
  );
