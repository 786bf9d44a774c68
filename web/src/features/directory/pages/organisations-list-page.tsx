import { SegmentedControl, Select } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { type DataTableColumn, DimmedText, listFilter, RowLink, useListParams } from "../../../shared/ui";
import { useOrganisations } from "../api";
import { DirectoryList, useCodeAndNameColumns } from "../components/directory-list";
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
  const can = useDirectoryPermissions();
  const list = useListParams({
    defaultSort: "code",
    filters: ["kind", "nationId", "category", "includeArchived"] as const,
  });
  const organisations = useOrganisations(list.query);
  const { category } = list.filters;
  const kinds =
    category === "organisation"
      ? ORGANISATION_KINDS_INTERNATIONAL
      : category === "institution"
        ? INSTITUTION_KINDS
        : ORGANISATION_KINDS;

  const columns: DataTableColumn<Organisation>[] = [
    ...useCodeAndNameColumns<Organisation>("organisations", 140),
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
      create={can.createOrganisations}
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
      rowTestId={(organisation) => `organisation-row-${organisation.code}`}
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
    />
  );
}
