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
  /** The code is outside ISO 3166-1 (current and former): set explicitly, audited with the nation. */
  nonIsoCode: ColumnType<boolean, boolean | undefined, boolean>;
  archivedAt: Timestamp | null;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
  search: SearchVector;
}

/** ISO 3166-1 alpha-3 codes, current and formerly used (reference data of migration 0025). */
export interface Iso3166Table {
  code: string;
  name: string;
  former: boolean;
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
  iso_3166: Iso3166Table;
  nation: NationTable;
  nationMembership: NationMembershipTable;
  organisation: OrganisationTable;
  person: PersonTable;
  personAffiliation: PersonAffiliationTable;
}
