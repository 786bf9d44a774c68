import { Button, Group } from "@mantine/core";
import { IconDownload, IconUpload } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { toQueryString } from "../../../shared/api";
import { useFormat } from "../../../shared/i18n/format";
import {
  ArchivedBadge,
  type DataTableColumn,
  DimmedText,
  listFilter,
  ReleasabilityBadge,
  RowLink,
  useListParams,
} from "../../../shared/ui";
import { usePeople } from "../api";
import { DirectoryList } from "../components/directory-list";
import { NationSelect } from "../components/nation-select";
import { OrganisationSelect } from "../components/organisation-select";
import { languageName } from "../languages";
import { useDirectoryPermissions } from "../permissions";
import type { Person } from "../types";

/** The files the list exports to, each a button of its own. */
const EXPORT_FORMATS = [
  { format: "csv", label: "imports.exportCsv" },
  { format: "xlsx", label: "imports.exportXlsx" },
] as const;

export function PeopleListPage() {
  const { t } = useTranslation("directory");
  const { language } = useFormat();
  const can = useDirectoryPermissions();
  const list = useListParams({
    defaultSort: "familyName",
    filters: ["nationId", "organisationId", "includeArchived"] as const,
  });
  const people = usePeople(list.query);
  // The export takes the list's own filters (not its page): every matching person, headers in the UI language.
  const { limit: _limit, offset: _offset, ...exportFilters } = list.query as Record<string, unknown>;
  const exportUrl = (format: "csv" | "xlsx") =>
    `/api/exports/people${toQueryString({ ...exportFilters, format, lang: language })}`;

  const columns: DataTableColumn<Person>[] = [
    {
      key: "familyName",
      header: t("people.name"),
      sortKey: "familyName",
      render: (person) => (
        <Group gap="xs">
          <div>
            <RowLink to={`/people/${person.id}`}>
              {person.familyName}, {person.givenName}
            </RowLink>
            {person.rankTitle && <DimmedText size="xs">{person.rankTitle}</DimmedText>}
          </div>
          <ArchivedBadge archivedAt={person.archivedAt} />
        </Group>
      ),
    },
    { key: "nation", header: t("people.nation"), render: (person) => person.nation.code, width: 90 },
    {
      key: "organisation",
      header: t("people.organisation"),
      render: (person) =>
        person.currentOrganisation && (
          <RowLink to={`/organisations/${person.currentOrganisation.id}`} size="sm">
            {person.currentOrganisation.code}
          </RowLink>
        ),
    },
    {
      key: "languages",
      header: t("people.languages"),
      render: (person) => person.languages.map((code) => languageName(code, language)).join(", "),
    },
    {
      key: "releasability",
      header: t("common:releasability.label"),
      render: (person) => <ReleasabilityBadge level={person.releasability} />,
    },
  ];

  return (
    <DirectoryList
      section="people"
      actions={
        <>
          {EXPORT_FORMATS.map(({ format, label }) => (
            <Button
              key={format}
              component="a"
              href={exportUrl(format)}
              download
              variant="default"
              leftSection={<IconDownload size={16} />}
              data-testid={`people-export-${format}`}
            >
              {t("imports.export")} {t(label)}
            </Button>
          ))}
          {can.createPeople && (
            <Button
              component={Link}
              to="/people/import"
              variant="light"
              leftSection={<IconUpload size={16} />}
              data-testid="people-import"
            >
              {t("imports.action")}
            </Button>
          )}
        </>
      }
      create={can.createPeople}
      list={list}
      query={people}
      columns={columns}
      rowTestId={(person) => `person-row-${person.id}`}
      searchWidth={280}
      filters={
        <>
          <NationSelect
            label={t("people.nation")}
            placeholder={t("common:list.any")}
            w={240}
            {...listFilter(list, "nationId")}
            data-testid="person-nation-filter"
          />
          <OrganisationSelect
            label={t("affiliations.organisation")}
            placeholder={t("common:list.any")}
            w={300}
            {...listFilter(list, "organisationId")}
            data-testid="person-organisation-filter"
          />
        </>
      }
    />
  );
}
