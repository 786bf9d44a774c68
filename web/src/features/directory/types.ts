import type { Ref, ReleasabilityLevel } from "../../shared/api";
import type { DatePrecision } from "../../shared/i18n/format";

export const MEMBERSHIP_KINDS = [
  "alliance_member",
  "partnership_for_peace",
  "nacc",
  "eapc",
  "cis_member",
  "cis_atc_member",
] as const;
export type MembershipKind = (typeof MEMBERSHIP_KINDS)[number];

export interface Membership {
  id: string;
  kind: MembershipKind;
  startedOn: string;
  startPrecision: DatePrecision;
  endedOn: string | null;
  source: string | null;
  note: string | null;
}

export interface Nation {
  id: string;
  code: string;
  nameEn: string;
  nameAz: string;
  nameRu: string;
  /** The code is outside ISO 3166-1 alpha-3 (current and former), recorded on purpose. */
  nonIsoCode: boolean;
  archivedAt: string | null;
  memberships: Membership[];
}

export interface NationInput {
  code: string;
  nameEn: string;
  nameAz: string;
  nameRu: string;
  nonIsoCode: boolean;
}

export interface MembershipInput {
  kind: MembershipKind;
  startedOn: string;
  startPrecision?: DatePrecision;
  endedOn?: string | null;
  source?: string | null;
  note?: string | null;
}

/** Kinds of international bodies. */
export const ORGANISATION_KINDS_INTERNATIONAL = [
  "international_organisation",
  "command",
  "school",
  "parliamentary_assembly",
  "agency",
  "coordination_centre",
  "regional_office",
] as const;
/** Kinds of national bodies ("institutions"). */
export const INSTITUTION_KINDS = [
  "ministry",
  "armed_forces",
  "security_service",
  "training_centre",
  "university",
  "anti_terror_centre",
  "unit",
] as const;
export const ORGANISATION_KINDS = [
  ...ORGANISATION_KINDS_INTERNATIONAL,
  ...INSTITUTION_KINDS,
  "other",
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
export type OrganisationCategory = "organisation" | "institution";

export interface NationRef {
  id: string;
  code: string;
  nameEn: string;
}

export interface Organisation {
  id: string;
  code: string;
  nameEn: string;
  nameAz: string | null;
  nameRu: string | null;
  kind: OrganisationKind;
  nationId: string | null;
  parentId: string | null;
  city: string | null;
  foundingAct: string | null;
  foundedOn: string | null;
  charterYear: number | null;
  website: string | null;
  archivedAt: string | null;
  nation: NationRef | null;
  parent: Ref | null;
}

export interface OrganisationDetail extends Organisation {
  children: (Ref & { kind: OrganisationKind })[];
  /** Root first. */
  ancestors: Ref[];
}

export interface OrganisationInput {
  code: string;
  nameEn: string;
  nameAz?: string | null;
  nameRu?: string | null;
  kind: OrganisationKind;
  nationId?: string | null;
  parentId?: string | null;
  city?: string | null;
  foundingAct?: string | null;
  foundedOn?: string | null;
  charterYear?: number | null;
  website?: string | null;
}

export interface Person {
  id: string;
  givenName: string;
  familyName: string;
  rankTitle: string | null;
  nationId: string;
  nation: NationRef;
  email: string | null;
  phone: string | null;
  languages: string[];
  currentOrganisation: Ref | null;
  releasability: ReleasabilityLevel;
  ownerNationId: string | null;
  ownerOrganisationId: string | null;
  releaseNationIds: string[];
  releaseOrganisationIds: string[];
  archivedAt: string | null;
}

export interface Affiliation {
  id: string;
  organisationId: string;
  organisation: Ref;
  position: string | null;
  startedOn: string | null;
  endedOn: string | null;
}

export interface PersonDetail extends Person {
  affiliations: Affiliation[];
}

export interface PersonInput {
  givenName: string;
  familyName: string;
  rankTitle?: string | null;
  nationId: string;
  email?: string | null;
  phone?: string | null;
  languages?: string[];
  organisationId?: string | null;
  position?: string | null;
  releasability?: ReleasabilityLevel;
}

export interface AffiliationInput {
  organisationId: string;
  position?: string | null;
  startedOn?: string | null;
  endedOn?: string | null;
}

export interface NationListQuery {
  q?: string;
  membership?: string;
  includeArchived?: string;
  sort?: string;
  limit?: number;
  offset?: number;
}

export interface OrganisationListQuery {
  q?: string;
  kind?: string;
  nationId?: string;
  parentId?: string;
  category?: string;
  includeArchived?: string;
  sort?: string;
  limit?: number;
  offset?: number;
}

export interface PersonListQuery {
  q?: string;
  nationId?: string;
  organisationId?: string;
  includeArchived?: string;
  sort?: string;
  limit?: number;
  offset?: number;
}
