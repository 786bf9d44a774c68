import type { Generated, JSONColumnType } from "kysely";

export interface ImportMappingTable {
  userId: string;
  kind: string;
  mapping: JSONColumnType<Record<string, string>>;
  updatedAt: Generated<Date>;
}

export interface ImportsTables {
  importMapping: ImportMappingTable;
}
