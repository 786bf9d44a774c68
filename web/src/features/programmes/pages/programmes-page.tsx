import { Anchor, Badge, Button, Group, NumberInput, Paper, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import { usePermissions } from "../../../shared/auth";
import {
  DownloadMenu,
  labelsUnder,
  notifyError,
  PagedRowsTable,
  PageHeader,
  PlainTable,
  QueryBoundary,
  ReleasabilityBadge,
  SectionCard,
  TextField,
} from "../../../shared/ui";
import { useComparison, useCreateProgramme, useProgrammes } from "../api";
import { NationSelect, SampleBadge, useNationParam } from "../components/shared";

/** A year of the programme's span; a cleared field keeps the year it had. */
function YearInput({
  label,
  value,
  onYear,
}: {
  label: string;
  value: number;
  onYear: (year: number) => void;
}) {
  const { t } = useTranslation("programmes");
  return (
    <NumberInput
      label={label}
      placeholder={t("common:list.yearExample", { year: new Date().getFullYear() })}
      w={120}
      value={value}
      onChange={(next) => typeof next === "number" && onYear(next)}
    />
  );
}

function NewProgrammeForm({ nationId }: { nationId: string }) {
  const { t } = useTranslation("programmes");
  const navigate = useNavigate();
  const create = useCreateProgramme();
  const [firstYear, setFirstYear] = useState<number>(new Date().getFullYear() + 1);
  const [lastYear, setLastYear] = useState<number>(new Date().getFullYear() + 2);
  const [title, setTitle] = useState("");
  return (
    <Paper withBorder p="md" radius="md" mb="lg">
      <Group align="flex-end" wrap="wrap">
        <TextField
          label={t("programmes.title")}
          placeholder={t("programmes.titlePlaceholder")}
          w={{ base: "100%", sm: 360 }}
          value={title}
          onValue={setTitle}
          testId="programme-title"
        />
        <YearInput label={t("items.firstYear")} value={firstYear} onYear={setFirstYear} />
        <YearInput label={t("items.lastYear")} value={lastYear} onYear={setLastYear} />
        <Button
          loading={create.isPending}
          disabled={!title.trim()}
          onClick={() =>
            create.mutate(
              { nationId, firstYear, lastYear, title },
              {
                onSuccess: (programme) => navigate(`/programmes/annual/${programme.id}`),
                onError: (error) => notifyError(error, t),
              },
            )
          }
          data-testid="programme-create"
        >
          {t("items.create")}
        </Button>
      </Group>
    </Paper>
  );
}

export function ProgrammesPage() {
  const { t } = useTranslation("programmes");
  const [nationId, setNationId] = useNationParam();
  // The page offset belongs to one nation filter: another nation starts at the first page.
  const [paging, setPaging] = useState({ nationId, offset: 0 });
  const offset = paging.nationId === nationId ? paging.offset : 0;
  const programmes = useProgrammes({ nationId, limit: 50, offset });
  const comparison = useComparison({ nationId, fromYear: 2000 });
  const permissions = usePermissions();
  const canCreate = !!nationId && (permissions.isAdministrator || permissions.coordinatesNation(nationId));
  return (
    <>
      <PageHeader
        title={t("programmes.title")}
        description={t("programmes.description")}
        actions={<DownloadMenu kind="annual-programmes" filters={{ nationId }} />}
      />
      <Group mb="md">
        <NationSelect value={nationId} onChange={setNationId} />
      </Group>
      {canCreate && nationId && <NewProgrammeForm nationId={nationId} />}
      <PagedRowsTable
        query={programmes}
        emptyTitle={t("programmes.empty")}
        onOffsetChange={(next) => setPaging({ nationId, offset: next })}
        mb="lg"
        minWidth={560}
        testId="programmes-table"
        columns={[t("programmes.span"), t("programmes.title"), t("common.status"), t("programmes.items")]}
      >
        {(programme) => (
          <Table.Tr key={programme.id}>
            <Table.Td>
              {programme.firstYear === programme.lastYear
                ? programme.firstYear
                : `${programme.firstYear}–${programme.lastYear}`}
            </Table.Td>
            <Table.Td>
              <Group gap="xs">
                <Anchor component={Link} to={`/programmes/annual/${programme.id}`}>
                  {programme.title}
                </Anchor>
                <ReleasabilityBadge level={programme.releasability} size="xs" />
                <SampleBadge sample={programme.sample} />
              </Group>
            </Table.Td>
            <Table.Td>
              <Badge variant="light" size="sm">
                {t(`programmeStatus.${programme.status}`)}
              </Badge>
            </Table.Td>
            <Table.Td>{programme.itemCount}</Table.Td>
          </Table.Tr>
        )}
      </PagedRowsTable>
      {nationId && (
        <QueryBoundary query={comparison}>
          {(years) => {
            const shown = years.filter(
              (y) => y.plannedItems !== null || y.eventsAttended > 0 || y.recorded.length,
            );
            return (
              <SectionCard title={t("programmes.comparison")}>
                {shown.length === 0 ? (
                  <Text c="dimmed">{t("common.none")}</Text>
                ) : (
                  <PlainTable
                    minWidth={560}
                    data-testid="comparison-table"
                    columns={labelsUnder(t, "programmes", [
                      "year",
                      "plannedItems",
                      "implementedItems",
                      "eventsAttended",
                      "recorded",
                    ])}
                  >
                    {shown.map((year) => (
                      <Table.Tr key={year.year}>
                        <Table.Td>{year.year}</Table.Td>
                        <Table.Td>{year.plannedItems ?? "—"}</Table.Td>
                        <Table.Td>{year.implementedItems ?? "—"}</Table.Td>
                        <Table.Td>{year.eventsAttended}</Table.Td>
                        <Table.Td>
                          {year.recorded.map((figure) => (
                            <Text key={figure.source} size="sm">
                              {figure.qualifier === "more_than"
                                ? t("programmes.moreThan", { count: figure.eventCount })
                                : figure.qualifier === "about"
                                  ? t("programmes.about", { count: figure.eventCount })
                                  : figure.eventCount}{" "}
                              <Text span size="xs" c="dimmed">
                                ({figure.source})
                              </Text>
                            </Text>
                          ))}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </PlainTable>
                )}
              </SectionCard>
            );
          }}
        </QueryBoundary>
      )}
    </>
  );
}
