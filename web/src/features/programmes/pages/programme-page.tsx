import { Anchor, Badge, Group, Paper, Table, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { useFormat } from "../../../shared/i18n/format";
import {
  DownloadMenu,
  labelsUnder,
  PageHeader,
  QueryBoundary,
  RemoveRowButton,
  RowsTable,
  SectionCard,
  SmallAddButton,
  TableHead,
} from "../../../shared/ui";
import { useProgramme, useProgrammeReport, useRemoveItem } from "../api";
import { AddItemModal } from "../components/add-item-modal";
import { AreaName } from "../components/area-name";
import { BulkAddModal } from "../components/bulk-add-modal";
import { ImplementedBadge } from "../components/implemented-badge";
import { ProgrammeDecisions, ProgrammeVersions } from "../components/programme-agreement";
import { EditItemButton, EditProgrammeButton } from "../components/programme-forms";
import { AreaBars, ReportFigures } from "../components/report-figures";
import { percent, SampleBadge, useProgrammeWriters } from "../components/shared";
import { ExportButtons } from "./period-page";

export function ProgrammePage() {
  const { t } = useTranslation("programmes");
  const format = useFormat();
  const { id } = useParams();
  const report = useProgrammeReport(id);
  const detail = useProgramme(id);
  const writers = useProgrammeWriters();
  const [adding, addModal] = useDisclosure(false);
  const [bulkAdding, bulkModal] = useDisclosure(false);
  const remove = useRemoveItem();
  return (
    <QueryBoundary query={report}>
      {(data) => {
        const programme = detail.data;
        const canEdit = !!programme && writers.canEdit(programme);
        const itemOf = (itemId: string) => programme?.items.find((item) => item.id === itemId);
        return (
          <>
            <PageHeader
              title={data.programme.title}
              description={`${data.programme.nation.nameEn}: ${format.date(data.spanFrom)} – ${format.date(data.spanTo)}`}
              breadcrumbs={[
                { label: t("programmes.title"), to: "/programmes/annual" },
                { label: data.programme.title },
              ]}
              badges={
                programme && (
                  <Badge variant="light" data-testid="programme-status">
                    {t(`programmeStatus.${programme.status}`)}
                  </Badge>
                )
              }
              actions={
                <>
                  <DownloadMenu kind="programme-items" filters={{ programmeId: data.programme.id }} />
                  {programme && <ProgrammeDecisions programme={programme} />}
                  {canEdit && programme && <EditProgrammeButton programme={programme} />}
                  {canEdit && (
                    <SmallAddButton variant="default" onClick={bulkModal.open} testId="item-bulk-add">
                      {t("authoring.bulkAdd")}
                    </SmallAddButton>
                  )}
                  {canEdit && (
                    <SmallAddButton onClick={addModal.open} testId="item-add">
                      {t("items.add")}
                    </SmallAddButton>
                  )}
                  <ExportButtons base={`/api/annual-programmes/${data.programme.id}/report/export`} />
                </>
              }
            />
            <AddItemModal
              programmeId={data.programme.id}
              planId={data.programme.planId}
              opened={adding}
              onClose={addModal.close}
            />
            <BulkAddModal
              programmeId={data.programme.id}
              planId={data.programme.planId}
              opened={bulkAdding}
              onClose={bulkModal.close}
            />
            <Paper withBorder p="md" radius="md" mb="lg" data-testid="programme-report">
              <ReportFigures
                size="lg"
                figures={[
                  {
                    label: t("programmes.plannedItems"),
                    value: data.totals.plannedItems,
                    testId: "total-planned",
                  },
                  {
                    label: t("programmes.implementedItems"),
                    value: data.totals.implementedItems,
                    testId: "total-implemented",
                  },
                  {
                    label: t("programmes.implementationRate"),
                    value: percent(data.totals.implementationRate),
                  },
                  { label: t("programmes.attended"), value: data.totals.attended },
                  { label: t("programmes.unplanned"), value: data.totals.unplannedEventsAttended },
                ]}
              />
              <Title order={2} size="h4" mb="sm">
                {t("programmes.planVsActual")}
              </Title>
              <AreaBars
                h={280}
                areas={data.areas}
                series={[
                  { name: "plannedItems", label: t("programmes.plannedItems"), color: "gray.5" },
                  { name: "implementedItems", label: t("programmes.implementedItems"), color: "teal.6" },
                ]}
              />
              <Table.ScrollContainer minWidth={720} mt="md">
                <Table data-testid="programme-areas">
                  <TableHead
                    columns={[
                      t("common.area"),
                      ...labelsUnder(t, "programmes", [
                        "plannedItems",
                        "implementedItems",
                        "implementationRate",
                        "plannedParticipants",
                        "attended",
                        "completed",
                      ]),
                    ]}
                  />
                  <Table.Tbody>
                    {data.areas.map((area) => (
                      <Table.Tr key={area.areaCode}>
                        <Table.Td>{area.areaName}</Table.Td>
                        <Table.Td>{area.plannedItems}</Table.Td>
                        <Table.Td>{area.implementedItems}</Table.Td>
                        <Table.Td>{percent(area.implementationRate)}</Table.Td>
                        <Table.Td>{area.plannedParticipants}</Table.Td>
                        <Table.Td>{area.attended}</Table.Td>
                        <Table.Td>{area.completed}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
            <ProgrammeVersions programmeId={data.programme.id} />
            <SectionCard title={t("programmes.items")}>
              <RowsTable
                rows={data.items}
                minWidth={640}
                testId="programme-items"
                columns={labelsUnder(t, "programmes", [
                  "item",
                  "common.area",
                  "objective.planned",
                  "attended",
                  "objective.implemented",
                ])}
                actions={canEdit && t("items.remove")}
              >
                {(item) => (
                  <Table.Tr key={item.id} data-testid="programme-item">
                    <Table.Td>
                      <Group gap="xs">
                        <Text size="sm">
                          {item.activity && (
                            <>
                              <Anchor
                                component={Link}
                                to={`/catalogue/activities/${item.activity.id}`}
                                data-testid={`programme-item-activity-${item.activity.code}`}
                              >
                                {item.activity.code}
                              </Anchor>
                              {" — "}
                            </>
                          )}
                          {item.title}
                        </Text>
                        <SampleBadge sample={item.sample} />
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <AreaName code={item.areaCode} />
                    </Table.Td>
                    <Table.Td>{item.plannedParticipants}</Table.Td>
                    <Table.Td>{item.attended}</Table.Td>
                    <Table.Td>
                      <ImplementedBadge implemented={item.implemented} />
                    </Table.Td>
                    {canEdit && (
                      <Table.Td ta="right">
                        <Group gap={4} justify="flex-end" wrap="nowrap">
                          {itemOf(item.id) && (
                            <EditItemButton item={itemOf(item.id)!} planId={data.programme.planId} />
                          )}
                          <RemoveRowButton
                            message={t("items.removeConfirm")}
                            remove={() => remove.mutateAsync(item.id)}
                          >
                            {t("items.remove")}
                          </RemoveRowButton>
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                )}
              </RowsTable>
            </SectionCard>
          </>
        );
      }}
    </QueryBoundary>
  );
}
