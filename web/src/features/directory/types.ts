import type { BodyOf, ListParamsOf, ResponseOf } from "../../shared/api/contract";

export {
  INSTITUTION_KINDS,
  MEMBERSHIP_KINDS,
  ORGANISATION_KINDS,
  ORGANISATION_KINDS_INTERNATIONAL,
} from "../../shared/api";

/**
 * The directory's records as the server declares them (generated from the API document), with the value lists
 * that forms offer (generated from the server's own constants).
 */
/** The directory's three lists of records, each at `/<section>` in the app and `/api/<section>` on the server. */
export type RecordSection = "nations" | "organisations" | "people";

export type MembershipKind = Membership["kind"];

export type Nation = ResponseOf<"getNationsById">;
export type Membership = Nation["memberships"][number];
export type NationInput = BodyOf<"postNations">;
export type MembershipInput = BodyOf<"postNationsByIdMemberships">;

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
