import { Badge, Button, Group, Select } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { localName, useFormat } from "../../../shared/i18n/format";
import {
  ArchivedBadge,
  type DataTableColumn,
  listFilter,
  NewRecordLink,
  RowLink,
  useListParams,
} from "../../../shared/ui";
import { useNations } from "../api";
import { DirectoryList } from "../components/directory-list";
import { useDirectoryPermissions } from "../permissions";
import { MEMBERSHIP_KINDS, type Nation } from "../types";

export function NationsListPage() {
  const { t } = useTranslation("directory");
  const { language } = useFormat();
  const can = useDirectoryPermissions();
  const list = useListParams({ defaultSort: "code", filters: ["membership", "includeArchived"] as const });
  const nations = useNations(list.query);
  const filtered = !!(list.q || list.filters.membership);

  const columns: DataTableColumn<Nation>[] = [
    { key: "code", header: t("nations.code"), sortKey: "code", width: 90, render: (nation) => nation.code },
    {
      key: "name",
      header: t("nations.name"),
      // The server sorts by the English name only.
      sortKey: "nameEn",
      render: (nation) => (
        <Group gap="xs">
          <RowLink to={`/nations/${nation.id}`}>{localName(nation, language)}</RowLink>
          <ArchivedBadge archivedAt={nation.archivedAt} />
        </Group>
      ),
    },
    {
      key: "memberships",
      header: t("nations.currentMemberships"),
      render: (nation) => (
        <Group gap={4}>
          {nation.memberships
            .filter((membership) => !membership.endedOn)
            .map((membership) => (
              <Badge key={membership.id} variant="light" size="sm">
                {t(`membershipKinds.${membership.kind}`)}
              </Badge>
            ))}
        </Group>
      ),
    },
  ];

  return (
    <DirectoryList
      section="nations"
      actions={
        can.manageNations && (
          <NewRecordLink to="/nations/new" testId="nation-create">
            {t("nations.create")}
          </NewRecordLink>
        )
      }
      list={list}
      query={nations}
      columns={columns}
      testIdPrefix="nation"
      tableTestId="nations-table"
      rowTestId={(nation) => `nation-row-${nation.code}`}
      path="/nations"
      searchWidth={300}
      filters={
        <Select
          label={t("nations.membershipFilter")}
          placeholder={t("common:list.any")}
          clearable
          w={300}
          {...listFilter(list, "membership")}
          data={MEMBERSHIP_KINDS.map((kind) => ({ value: kind, label: t(`membershipKinds.${kind}`) }))}
          data-testid="nation-membership-filter"
        />
      }
      filtered={filtered}
      emptyAction={
        can.manageNations && (
          <Button component={Link} to="/nations/new" variant="light">
            {t("nations.create")}
          </Button>
        )
      }
    />
  );
}
