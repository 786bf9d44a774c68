/**
 * What a nation's package holds, table by table, in the order they are written and loaded (a table after every
 * table it links to). The scope and what is left out are explained in docs/packages.md.
 *
 * - `releasable`: the table has the releasable columns; only rows releasable to the nation are taken
 *   (`visibleTo` of a viewer standing for the nation, the same rule as every list of the API).
 * - `links`: columns holding ids of another package table (uuid or uuid[]). On export a row whose `required`
 *   link points outside the package is left out, and an optional link (every other single link) pointing outside
 *   is cleared; array links keep the ids inside the package. On import every link is mapped to the target's ids.
 * - `omit`: columns that are not carried: links to records a package never holds (accounts, operations).
 * - `natural`: the natural key by which a record that already exists on the target under another id is found;
 *   the package's id is then mapped to the target's. Without one (or without a match) the record keeps its UUID.
 * - `nationColumn`: only rows of the exporting nation (nominations put forward by it).
 */
export interface PackageTable {
  name: string;
  key: string[];
  releasable?: boolean;
  links?: Record<string, string>;
  required?: string[];
  omit?: string[];
  natural?: string[];
  nationColumn?: string;
}

const OWNERS = {
  owner_nation_id: "nation",
  owner_organisation_id: "organisation",
  release_nations: "nation",
  release_organisations: "organisation",
};
const id = ["id"];
/** A link table: keyed by the records it joins, each of which it requires. */
const linkTable = (name: string, links: Record<string, string>): PackageTable => ({
  name,
  key: Object.keys(links),
  links,
  required: Object.keys(links),
});

export const PACKAGE_TABLES: readonly PackageTable[] = [
  { name: "nation", key: id, natural: ["code"] },
  {
    name: "nation_membership",
    key: id,
    links: { nation_id: "nation" },
    required: ["nation_id"],
    natural: ["nation_id", "kind", "started_on"],
  },
  {
    name: "organisation",
    key: id,
    links: { nation_id: "nation", parent_id: "organisation" },
    natural: ["code"],
  },
  {
    name: "person",
    key: id,
    releasable: true,
    links: { nation_id: "nation", ...OWNERS },
    required: ["nation_id"],
    natural: ["email"],
  },
  {
    name: "person_affiliation",
    key: id,
    links: { person_id: "person", organisation_id: "organisation" },
    required: ["person_id", "organisation_id"],
  },
  {
    name: "activity",
    key: id,
    releasable: true,
    links: {
      organiser_id: "organisation",
      host_institution_id: "organisation",
      host_nation_id: "nation",
      eligible_nations: "nation",
      copied_from_id: "activity",
      ...OWNERS,
    },
    required: ["organiser_id"],
    natural: ["code"],
  },
  {
    name: "activity_area",
    key: ["activity_id", "area_code"],
    links: { activity_id: "activity" },
    required: ["activity_id"],
  },
  {
    name: "event",
    key: id,
    links: { activity_id: "activity", host_nation_id: "nation" },
    required: ["activity_id"],
  },
  {
    name: "event_session",
    key: id,
    links: { event_id: "event" },
    required: ["event_id"],
  },
  {
    name: "nomination",
    key: id,
    nationColumn: "nation_id",
    links: { event_id: "event", person_id: "person", nation_id: "nation" },
    required: ["event_id", "person_id", "nation_id"],
    omit: ["nominated_by", "decided_by"],
    natural: ["event_id", "person_id"],
  },
  {
    name: "framework_document",
    key: id,
    releasable: true,
    links: { nation_id: "nation", replaces_id: "framework_document", ...OWNERS },
  },
  {
    name: "plan",
    key: id,
    releasable: true,
    links: {
      nation_id: "nation",
      framework_document_id: "framework_document",
      successor_id: "plan",
      ...OWNERS,
    },
    natural: ["code"],
  },
  {
    name: "plan_period",
    key: id,
    links: { plan_id: "plan" },
    required: ["plan_id"],
    natural: ["plan_id", "number"],
  },
  {
    name: "period_statement",
    key: id,
    links: { period_id: "plan_period" },
    required: ["period_id"],
    natural: ["period_id", "source", "starts_on"],
  },
  {
    name: "plan_objective",
    key: id,
    links: { plan_id: "plan", period_id: "plan_period" },
    required: ["plan_id"],
    natural: ["plan_id", "code"],
  },
  {
    name: "plan_action",
    key: id,
    links: { objective_id: "plan_objective", responsible_organisation_id: "organisation" },
    required: ["objective_id"],
  },
  {
    name: "annual_programme",
    key: id,
    releasable: true,
    links: { nation_id: "nation", plan_id: "plan", ...OWNERS },
    required: ["nation_id"],
    natural: ["nation_id", "first_year", "last_year"],
  },
  {
    name: "programme_item",
    key: id,
    // An item of an activity that is not releasable to the nation is left out rather than emptied.
    links: { programme_id: "annual_programme", activity_id: "activity" },
    required: ["programme_id", "activity_id"],
  },
  linkTable("programme_item_objective", { item_id: "programme_item", objective_id: "plan_objective" }),
  {
    name: "partnership_goal",
    key: id,
    releasable: true,
    links: { nation_id: "nation", plan_id: "plan", ...OWNERS },
    required: ["nation_id"],
    omit: ["partner_agreed_by", "alliance_agreed_by"],
    natural: ["nation_id", "code"],
  },
  {
    name: "goal_status_change",
    key: id,
    links: { goal_id: "partnership_goal" },
    required: ["goal_id"],
    omit: ["changed_by"],
  },
  {
    name: "goal_assessment",
    key: id,
    links: { goal_id: "partnership_goal" },
    required: ["goal_id"],
    omit: ["assessed_by"],
    natural: ["goal_id", "cycle_year"],
  },
  linkTable("goal_activity", { goal_id: "partnership_goal", activity_id: "activity" }),
  {
    name: "partnership_milestone",
    key: id,
    releasable: true,
    links: { nation_id: "nation", ...OWNERS },
    required: ["nation_id"],
  },
  {
    name: "participation_figure",
    key: id,
    releasable: true,
    links: { nation_id: "nation", ...OWNERS },
    required: ["nation_id"],
    natural: ["nation_id", "year", "source"],
  },
  {
    name: "trust_fund",
    key: id,
    links: { managing_organisation_id: "organisation" },
    omit: ["operation_id"],
    natural: ["code"],
  },
  {
    name: "fund_contribution",
    key: id,
    releasable: true,
    links: { trust_fund_id: "trust_fund", nation_id: "nation", ...OWNERS },
    required: ["trust_fund_id", "nation_id"],
  },
];

/** Array-valued link columns (uuid[]). */
export const ARRAY_LINKS = new Set(["release_nations", "release_organisations", "eligible_nations"]);
/** Natural-key columns compared without regard to case. */
export const CASE_INSENSITIVE = new Set(["email"]);
/** Columns that never make a record "changed" on re-import (the database sets them). */
export const BOOKKEEPING = new Set(["created_at", "updated_at"]);

export const tableSpec = (name: string) => PACKAGE_TABLES.find((table) => table.name === name);
