import { Badge, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import {
  type DataTableColumn,
  EmptyState,
  ListPageHeader,
  RowLink,
  SearchInput,
  useListParams,
} from "../../../shared/ui";
import { RecordListTable } from "../../../shared/ui/record-list-table";
import { useUnits } from "../api";
import type { Unit } from "../types";

const unitPath = (record: { id: string }) => `/readiness/units/${record.id}`;

export function UnitsListPage() {
  const { t } = useTranslation("readiness");
  const list = useListParams({ defaultSort: "code" });
  const query = { q: list.q || undefined, limit: list.limit, offset: list.offset };
  const units = useUnits(query);
  const columns: DataTableColumn<Unit>[] = [
    { key: "code", header: t("units.code"), width: 160, render: (u) => u.code },
    {
      key: "name",
      header: t("units.name"),
      render: (u) => <RowLink to={unitPath(u)}>{u.nameEn}</RowLink>,
    },
    { key: "nation", header: t("units.nation"), render: (u) => u.nation?.code },
    {
      key: "type",
      header: t("units.type"),
      render: (u) => (
        <>
          {[u.unitType, u.size].filter(Boolean).join(", ")}{" "}
          {u.isHeadquarters && (
            <Badge size="xs" variant="light">
              {t("units.headquarters")}
            </Badge>
          )}
        </>
      ),
    },
    {
      key: "declared",
      header: t("units.declarations"),
      render: (u) => u.declarations.map((d) => d.poolName).join("; "),
    },
  ];
  return (
    <>
      <ListPageHeader
        title={t("units.title")}
        description={t("units.description")}
        download={{ kind: "units", filters: query }}
      />
      <Stack>
        <SearchInput value={list.q} onChange={list.setQ} />
        <RecordListTable
          query={units}
          list={list}
          data-testid="units-table"
          columns={columns}
          recordPath={unitPath}
          empty={<EmptyState title={t("units.empty")} />}
        />
      </Stack>
    </>
  );
}
