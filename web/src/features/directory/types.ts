import type { BodyOf, ListParamsOf, ResponseOf } from "../../shared/api/contract";

/**
 * The directory's records as the server declares them (generated from the API document); only the value lists
 * that forms offer are written here, and the type check holds them to the server's enums.
 */
/** The directory's three lists of records, each at `/<section>` in the app and `/api/<section>` on the server. */
export type RecordSection = "nations" | "organisations" | "people";

export const MEMBERSHIP_KINDS = [
  "alliance_member",
  "partnership_for_peace",
  "nacc",
  "eapc",
  "cis_member",
  "cis_atc_member",
] as const satisfies readonly Membership["kind"][];
export type MembershipKind = Membership["kind"];

export type Nation = ResponseOf<"getNationsById">;
export type Membership = Nation["memberships"][number];
export type NationInput = BodyOf<"postNations">;
export type MembershipInput = BodyOf<"postNationsByIdMemberships">;

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
] as const satisfies readonly Organisation["kind"][];
export type OrganisationKind = Organisation["kind"];
export type OrganisationCategory = "organisation" | "institution";

export type OrganisationDetail = ResponseOf<"getOrganisationsById">;
export type Organisation = ResponseOf<"getOrganisations">["items"][number];
export type NationRef = NonNullable<Organisation["nation"]>;
export type OrganisationInput = BodyOf<"postOrganisations">;

export type PersonDetail = ResponseOf<"getPeopleById">;
export type Person = ResponseOf<"getPeople">["items"][number];
export type Affiliation = PersonDetail["affiliations"][number];
export type PersonInput = BodyOf<"postPeople">;
export type AffiliationInput = BodyOf<"postPeopleByIdAffiliations">;

export type NationListQuery = ListParamsOf<"getNations">;
export type OrganisationListQuery = ListParamsOf<"getOrganisations">;
export type PersonListQuery = ListParamsOf<"getPeople">;
