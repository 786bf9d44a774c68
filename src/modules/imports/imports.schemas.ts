import { type Static, Type } from "typebox";
import { Nullable, StrictObject, StringEnum, Uuid } from "../../platform/http/schemas.js";

export const IMPORT_KINDS = [
  "people",
  "activities",
  "nominations",
  "contributions",
  "goals",
  "programme-items",
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const KindParams = StrictObject({ kind: StringEnum(IMPORT_KINDS) });
export type KindParams = Static<typeof KindParams>;

const MappingText = Type.String({
  maxLength: 4000,
  description:
    'The column mapping as JSON, field → header name, e.g. {"givenName":"Ad","nation":"Ölkə"}. Without it the ' +
    "user's remembered mapping and the recognised header names (English, Azerbaijani, Russian) are used.",
});

export const PreviewQuery = StrictObject({ mapping: Type.Optional(MappingText) });
export type PreviewQuery = Static<typeof PreviewQuery>;

export const CommitQuery = StrictObject({
  mapping: Type.Optional(MappingText),
  mode: Type.Optional(
    StringEnum(
      ["all", "valid"],
      "all (default): every row or nothing, refused with the row errors if any row is wrong; valid: only the valid rows",
    ),
  ),
});
export type CommitQuery = Static<typeof CommitQuery>;

export const RowProblem = Type.Object({
  row: Type.Integer({ description: "Spreadsheet row number; the header is row 1" }),
  column: Nullable(Type.String({ description: "Field key of the column, null for the whole row" })),
  header: Nullable(Type.String({ description: "The file's header of that column, if mapped" })),
  message: Type.String(),
});

const Field = Type.Object({
  key: Type.String(),
  required: Type.Boolean(),
  headers: Type.Object({
    en: Type.Array(Type.String()),
    az: Type.Array(Type.String()),
    ru: Type.Array(Type.String()),
  }),
});

export const ImportKindInfo = Type.Object({ kind: Type.String(), fields: Type.Array(Field) });

export const Preview = Type.Object({
  kind: Type.String(),
  filename: Type.String(),
  format: StringEnum(["csv", "xlsx"]),
  encoding: Nullable(Type.String()),
  delimiter: Nullable(Type.String()),
  headers: Type.Array(Type.String()),
  fields: Type.Array(Field),
  mapping: Type.Record(Type.String(), Type.String(), { description: "field → header name used" }),
  missing: Type.Array(Type.String(), { description: "Required fields no column is mapped to" }),
  rowCount: Type.Integer(),
  counts: Type.Object({
    create: Type.Integer(),
    update: Type.Integer(),
    unchanged: Type.Integer(),
    invalid: Type.Integer(),
  }),
  errors: Type.Array(RowProblem),
  warnings: Type.Array(RowProblem),
  rows: Type.Array(
    Type.Object({
      row: Type.Integer(),
      action: Nullable(StringEnum(["create", "update", "unchanged"])),
      values: Type.Record(Type.String(), Type.String()),
    }),
    { description: "The first 500 rows as mapped, with what the commit would do (null: the row has errors)" },
  ),
});

export const CommitResult = Type.Object({
  kind: Type.String(),
  mode: StringEnum(["all", "valid"]),
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  skipped: Type.Integer({ description: "Rows not imported: invalid (valid-only mode) or duplicates" }),
  fileId: Nullable(Uuid),
  errors: Type.Array(RowProblem),
  warnings: Type.Array(RowProblem),
});
