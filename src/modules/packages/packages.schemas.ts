import { Type } from "typebox";

export const PackageNationParams = Type.Object({
  nation: Type.String({ pattern: "^[A-Z]{3}$", description: "ISO alpha-3 code of the nation" }),
});

const TableCounts = Type.Object({
  table: Type.String(),
  rows: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
});

export const PackageImportResult = Type.Object({
  nation: Type.String(),
  tables: Type.Array(TableCounts),
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
});
