import { Badge, Button, Group, Select } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { type DataTableColumn, listFilter, useListParams } from "../../../shared/ui";
import { useNations } from "../api";
import { DirectoryList, useCodeAndNameColumns } from "../components/directory-list";
import { useDirectoryPermissions } from "../permissions";
import { MEMBERSHIP_KINDS, type Nation } from "../types";

export function NationsListPage() {
  const { t } = useTranslation("directory");
  const can = useDirectoryPermissions();
  const list = useListParams({ defaultSort: "code", filters: ["membership", "includeArchived"] as const });
  const nations = useNations(list.query);

  const columns: DataTableColumn<Nation>[] = [
    ...useCodeAndNameColumns<Nation>("nations", 90),
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
      create={can.manageNations}
      list={list}
      query={nations}
      columns={columns}
      rowTestId={(nation) => `nation-row-${nation.code}`}
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
