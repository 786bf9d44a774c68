import { Group, SegmentedControl, Select } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { localName, useFormat } from "../../../shared/i18n/format";
import {
  ArchivedBadge,
  type DataTableColumn,
  DimmedText,
  listFilter,
  NewRecordLink,
  RowLink,
  useListParams,
} from "../../../shared/ui";
import { useOrganisations } from "../api";
import { DirectoryList } from "../components/directory-list";
import { NationSelect } from "../components/nation-select";
import { useDirectoryPermissions } from "../permissions";
import {
  INSTITUTION_KINDS,
  ORGANISATION_KINDS,
  ORGANISATION_KINDS_INTERNATIONAL,
  type Organisation,
} from "../types";

export function OrganisationsListPage() {
  const { t } = useTranslation("directory");
  const { language } = useFormat();
  const can = useDirectoryPermissions();
  const list = useListParams({
    defaultSort: "code",
    filters: ["kind", "nationId", "category", "includeArchived"] as const,
  });
  const organisations = useOrganisations(list.query);
  const { kind, nationId, category } = list.filters;
  const filtered = !!(list.q || kind || nationId || category);
  const kinds =
    category === "organisation"
      ? ORGANISATION_KINDS_INTERNATIONAL
      : category === "institution"
        ? INSTITUTION_KINDS
        : ORGANISATION_KINDS;

  const columns: DataTableColumn<Organisation>[] = [
    { key: "code", header: t("organisations.code"), sortKey: "code", width: 140, render: (o) => o.code },
    {
      key: "name",
      header: t("organisations.name"),
      // The server sorts by the English name only.
      sortKey: "nameEn",
      render: (organisation) => (
        <Group gap="xs">
          <RowLink to={`/organisations/${organisation.id}`}>{localName(organisation, language)}</RowLink>
          <ArchivedBadge archivedAt={organisation.archivedAt} />
        </Group>
      ),
    },
    {
      key: "kind",
      header: t("organisations.kind"),
      sortKey: "kind",
      render: (organisation) => t(`organisationKinds.${organisation.kind}`),
    },
    {
      key: "nation",
      header: t("organisations.nation"),
      render: (organisation) =>
        organisation.nation ? organisation.nation.code : <DimmedText>{t("international")}</DimmedText>,
    },
    {
      key: "parent",
      header: t("organisations.parent"),
      render: (organisation) =>
        organisation.parent && (
          <RowLink to={`/organisations/${organisation.parent.id}`} size="sm">
            {organisation.parent.code}
          </RowLink>
        ),
    },
  ];

  return (
    <DirectoryList
      section="organisations"
      actions={
        can.createOrganisations && (
          <NewRecordLink to="/organisations/new" testId="organisation-create">
            {t("organisations.create")}
          </NewRecordLink>
        )
      }
      above={
        <SegmentedControl
          w="fit-content"
          aria-label={t("organisations.category")}
          value={category || "all"}
          onChange={(value) => list.setFilter("category", value === "all" ? null : value)}
          data={(["all", "organisation", "institution"] as const).map((value) => ({
            value,
            label: t(`organisations.categories.${value}`),
          }))}
          data-testid="organisation-category-filter"
        />
      }
      list={list}
      query={organisations}
      columns={columns}
      testIdPrefix="organisation"
      tableTestId="organisations-table"
      rowTestId={(organisation) => `organisation-row-${organisation.code}`}
      path="/organisations"
      searchWidth={280}
      filters={
        <>
          <Select
            label={t("organisations.kind")}
            placeholder={t("common:list.any")}
            clearable
            searchable
            w={240}
            {...listFilter(list, "kind")}
            data={kinds.map((value) => ({ value, label: t(`organisationKinds.${value}`) }))}
            data-testid="organisation-kind-filter"
          />
          <NationSelect
            label={t("organisations.nation")}
            placeholder={t("common:list.any")}
            w={260}
            {...listFilter(list, "nationId")}
            data-testid="organisation-nation-filter"
          />
        </>
      }
      filtered={filtered}
    />
  );
}
