import type { ColumnType } from "kysely";
import type {
  CreatedAt,
  DateString,
  Id,
  ReleasableColumns,
  SearchVector,
  Timestamp,
  UpdatedAt,
} from "./common.js";

export interface NationTable {
  id: Id;
  code: string;
  nameEn: string;
  nameAz: string;
  nameRu: string;
  archivedAt: Timestamp | null;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
  search: SearchVector;
}

export interface NationMembershipTable {
  id: Id;
  nationId: string;
  kind: string;
  startedOn: DateString;
  startPrecision: ColumnType<string, string | undefined, string>;
  endedOn: DateString | null;
  source: string | null;
  note: string | null;
  createdAt: CreatedAt;
}

export interface OrganisationTable {
  id: Id;
  code: string;
  nameEn: string;
  nameAz: string | null;
  nameRu: string | null;
  kind: string;
  nationId: string | null;
  parentId: string | null;
  city: string | null;
  foundingAct: string | null;
  foundedOn: DateString | null;
  charterYear: number | null;
  website: string | null;
  archivedAt: Timestamp | null;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
  search: SearchVector;
}

export interface PersonTable extends ReleasableColumns {
  id: Id;
  givenName: string;
  familyName: string;
  rankTitle: string | null;
  nationId: string;
  email: string | null;
  phone: string | null;
  languages: ColumnType<string[], string[] | undefined, string[]>;
  archivedAt: Timestamp | null;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
  search: SearchVector;
}

export interface PersonAffiliationTable {
  id: Id;
  personId: string;
  organisationId: string;
  position: string | null;
  startedOn: DateString | null;
  endedOn: DateString | null;
  createdAt: CreatedAt;
}

export interface DirectoryTables {
  nation: NationTable;
  nationMembership: NationMembershipTable;
  organisation: OrganisationTable;
  person: PersonTable;
  personAffiliation: PersonAffiliationTable;
}
