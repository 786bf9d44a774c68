import { type Static, type TProperties, Type } from "typebox";
import {
  IsoDate,
  Nullable,
  PageQuery,
  ReleaseListInput,
  ReleaseOutput,
  StrictObject,
  StrictPatch,
  StringEnum,
  Text,
  Uuid,
} from "../../platform/http/schemas.js";

export const MEMBERSHIP_KINDS = [
  "alliance_member",
  "partnership_for_peace",
  "nacc",
  "eapc",
  "cis_member",
  "cis_atc_member",
] as const;

/** Kinds that are national institutions rather than international organisations and their bodies. */
export const INSTITUTION_KINDS = [
  "ministry",
  "armed_forces",
  "security_service",
  "training_centre",
  "university",
  "anti_terror_centre",
  "unit",
] as const;

/** Kinds of international organisations and their bodies. */
export const ORGANISATION_KINDS_INTERNATIONAL = [
  "international_organisation",
  "command",
  "school",
  "parliamentary_assembly",
  "agency",
  "coordination_centre",
  "regional_office",
] as const;

export const ORGANISATION_KINDS = [
  ...ORGANISATION_KINDS_INTERNATIONAL,
  ...INSTITUTION_KINDS,
  "other",
] as const;

export const MembershipKind = StringEnum(MEMBERSHIP_KINDS);
export const OrganisationKind = StringEnum(ORGANISATION_KINDS);
const Sort = (fields: string[]) =>
  Type.Optional(
    Type.Union(
      fields.flatMap((field) => [Type.Literal(field), Type.Literal(`-${field}`)]),
      { description: "Sort field; a leading '-' sorts descending" },
    ),
  );

/**
 * The query of a directory list (nations, organisations, people): a search text, the list's own filters, whether
 * archived records are included, its sort fields, and the page.
 */
const DirectoryQuery = <F extends TProperties>(filters: F, sortFields: string[]) =>
  StrictObject({
    q: Type.Optional(Type.String({ maxLength: 200 })),
    ...filters,
    includeArchived: Type.Optional(Type.Boolean()),
    sort: Sort(sortFields),
    ...PageQuery,
  });

const NationCode = Type.String({ pattern: "^[A-Z]{3}$", description: "ISO 3166-1 alpha-3 code, upper case" });

export const Membership = Type.Object({
  id: Uuid,
  kind: MembershipKind,
  startedOn: IsoDate,
  startPrecision: StringEnum(["day", "month", "year"]),
  endedOn: Nullable(IsoDate),
  source: Nullable(Type.String()),
  note: Nullable(Type.String()),
});

export const MembershipInput = StrictObject({
  kind: MembershipKind,
  startedOn: IsoDate,
  startPrecision: Type.Optional(StringEnum(["day", "month", "year"])),
  endedOn: Type.Optional(Nullable(IsoDate)),
  source: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
});
export type MembershipInput = Static<typeof MembershipInput>;

export const Nation = Type.Object({
  id: Uuid,
  code: Type.String(),
  nameEn: Type.String(),
  nameAz: Type.String(),
  nameRu: Type.String(),
  nonIsoCode: Type.Boolean({ description: "The code is not an ISO 3166-1 alpha-3 code, current or former" }),
  archivedAt: Nullable(Type.String({ format: "date-time" })),
  memberships: Type.Array(Membership),
});

export const NationInput = StrictObject({
  code: NationCode,
  nameEn: Text(200),
  nameAz: Text(200),
  nameRu: Text(200),
  nonIsoCode: Type.Optional(
    Type.Boolean({
      description:
        "Explicitly allows a code outside ISO 3166-1 alpha-3 (current and formerly used codes); audited. Without it an unknown code is refused.",
    }),
  ),
});
export type NationInput = Static<typeof NationInput>;
export const NationPatch = StrictPatch(NationInput);
export type NationPatch = Static<typeof NationPatch>;

export const NationQuery = DirectoryQuery({ membership: Type.Optional(MembershipKind) }, [
  "code",
  "nameEn",
  "nameAz",
  "nameRu",
]);
export type NationQuery = Static<typeof NationQuery>;

const Ref = Type.Object({ id: Uuid, code: Type.String(), nameEn: Type.String() });

export const Organisation = Type.Object({
  id: Uuid,
  code: Type.String(),
  nameEn: Type.String(),
  nameAz: Nullable(Type.String()),
  nameRu: Nullable(Type.String()),
  kind: OrganisationKind,
  nationId: Nullable(Uuid),
  parentId: Nullable(Uuid),
  city: Nullable(Type.String()),
  foundingAct: Nullable(Type.String()),
  foundedOn: Nullable(IsoDate),
  charterYear: Nullable(Type.Integer()),
  website: Nullable(Type.String()),
  archivedAt: Nullable(Type.String({ format: "date-time" })),
  nation: Nullable(Ref),
  parent: Nullable(Ref),
});

export const OrganisationDetail = Type.Intersect([
  Organisation,
  Type.Object({
    children: Type.Array(
      Type.Object({ id: Uuid, code: Type.String(), nameEn: Type.String(), kind: Type.String() }),
    ),
    ancestors: Type.Array(Ref),
  }),
]);

const OrganisationFields = {
  code: Type.String({
    pattern: "^[A-Z0-9][A-Z0-9_.-]{0,39}$",
    description: "Short code: capital letters, digits, '.', '_' or '-', at most 40",
  }),
  nameEn: Text(300),
  nameAz: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
  nameRu: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
  kind: OrganisationKind,
  nationId: Type.Optional(Nullable(Uuid)),
  parentId: Type.Optional(Nullable(Uuid)),
  city: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  foundingAct: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  foundedOn: Type.Optional(Nullable(IsoDate)),
  charterYear: Type.Optional(Nullable(Type.Integer({ minimum: 1800, maximum: 2200 }))),
  website: Type.Optional(Nullable(Type.String({ maxLength: 500, pattern: "^https?://\\S+$" }))),
};
export const OrganisationInput = StrictObject(OrganisationFields);
export type OrganisationInput = Static<typeof OrganisationInput>;
export const OrganisationPatch = StrictPatch(OrganisationInput);
export type OrganisationPatch = Static<typeof OrganisationPatch>;

export const OrganisationQuery = DirectoryQuery(
  {
    kind: Type.Optional(OrganisationKind),
    category: Type.Optional(StringEnum(["organisation", "institution"])),
    nationId: Type.Optional(Uuid),
    parentId: Type.Optional(Uuid),
  },
  ["code", "nameEn", "nameAz", "nameRu", "kind"],
);
export type OrganisationQuery = Static<typeof OrganisationQuery>;

const LanguageCode = Type.String({ pattern: "^[a-z]{2}$", description: "ISO 639-1 code" });

export const Affiliation = Type.Object({
  id: Uuid,
  organisationId: Uuid,
  organisation: Ref,
  position: Nullable(Type.String()),
  startedOn: Nullable(IsoDate),
  endedOn: Nullable(IsoDate),
});

export const Person = Type.Object({
  id: Uuid,
  givenName: Type.String(),
  familyName: Type.String(),
  rankTitle: Nullable(Type.String()),
  nationId: Uuid,
  nation: Ref,
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  languages: Type.Array(Type.String()),
  currentOrganisation: Nullable(Ref),
  archivedAt: Nullable(Type.String({ format: "date-time" })),
  ...ReleaseOutput,
});

export const PersonDetail = Type.Intersect([Person, Type.Object({ affiliations: Type.Array(Affiliation) })]);

const PersonFields = {
  givenName: Text(100),
  familyName: Text(100),
  rankTitle: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  nationId: Uuid,
  email: Type.Optional(Nullable(Type.String({ format: "email", maxLength: 254 }))),
  phone: Type.Optional(Nullable(Type.String({ maxLength: 50, pattern: "^[0-9+() .-]*$" }))),
  languages: Type.Optional(Type.Array(LanguageCode, { maxItems: 20, uniqueItems: true })),
  ...ReleaseListInput,
};
export const PersonInput = StrictObject({
  ...PersonFields,
  organisationId: Type.Optional(Nullable(Uuid)),
  position: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
});
export type PersonInput = Static<typeof PersonInput>;
export const PersonPatch = StrictPatch(Type.Object(PersonFields));
export type PersonPatch = Static<typeof PersonPatch>;

export const PersonQuery = DirectoryQuery(
  { nationId: Type.Optional(Uuid), organisationId: Type.Optional(Uuid) },
  ["familyName", "givenName", "createdAt"],
);
export type PersonQuery = Static<typeof PersonQuery>;

export const AffiliationInput = StrictObject({
  organisationId: Uuid,
  position: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  startedOn: Type.Optional(Nullable(IsoDate)),
  endedOn: Type.Optional(Nullable(IsoDate)),
});
export type AffiliationInput = Static<typeof AffiliationInput>;

export const DeleteOutcome = Type.Object({
  outcome: StringEnum(["deleted", "archived"]),
});
