import { Badge, Group, Paper, Table } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../../shared/i18n/format";
import {
  LinkCell,
  ListPageHeader,
  PagedRowsTable,
  PlainTable,
  QueryBoundary,
  ReleasabilityBadge,
} from "../../../shared/ui";
import { useFrameworks, usePlans } from "../api";
import { NewFrameworkButton } from "../components/framework-forms";
import { NewPlanButton } from "../components/plan-forms";
import { NationSelect, TitleCell, useNationParam, useProgrammeWriters } from "../components/shared";

export function PlansPage() {
  const { t } = useTranslation("programmes");
  const format = useFormat();
  const [nationId, setNationId] = useNationParam();
  const [offset, setOffset] = useState(0);
  const plans = usePlans({ limit: 50, offset });
  const frameworks = useFrameworks(nationId);
  const writers = useProgrammeWriters();
  return (
    <>
      <ListPageHeader
        title={t("plans.title")}
        description={t("plans.description")}
        download={{ kind: "plans" }}
      >
        {writers.canCreate && (
          <>
            <NewPlanButton nationId={nationId} />
            <NewFrameworkButton nationId={nationId} />
          </>
        )}
      </ListPageHeader>
      <PagedRowsTable
        query={plans}
        emptyTitle={t("plans.empty")}
        onOffsetChange={setOffset}
        mb="lg"
        minWidth={560}
        testId="plans-table"
        columns={[t("plans.code"), t("plans.title"), t("common.owner"), t("plans.periods")]}
      >
        {(plan) => (
          <Table.Tr key={plan.id} data-testid={`plan-row-${plan.code}`}>
            <LinkCell to={`/programmes/plans/${plan.id}`}>{plan.code}</LinkCell>
            <TitleCell title={plan.title} sample={plan.sample} />
            <Table.Td>
              <Group gap="xs">
                {plan.nation?.code ?? ""}
                <ReleasabilityBadge level={plan.releasability} />
              </Group>
            </Table.Td>
            <Table.Td>{plan.periodCount}</Table.Td>
          </Table.Tr>
        )}
      </PagedRowsTable>
      <Group align="flex-end" mb="sm">
        <NationSelect value={nationId} onChange={setNationId} />
      </Group>
      <QueryBoundary query={frameworks}>
        {(page) => (
          <Paper withBorder radius="md">
            <PlainTable minWidth={560} data-testid="frameworks-table">
              {page.items.map((document) => (
                <Table.Tr key={document.id}>
                  <LinkCell to={`/programmes/frameworks/${document.id}`}>{document.title}</LinkCell>
                  <Table.Td>{format.date(document.signedOn, document.signedPrecision)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" size="sm">
                      {document.files.length} {t("framework.files")}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </PlainTable>
          </Paper>
        )}
      </QueryBoundary>
    </>
  );
}
