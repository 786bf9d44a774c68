import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { usePermissions } from "../../../shared/auth";
import { useFormat } from "../../../shared/i18n/format";
import {
  DimmedText,
  DownloadMenu,
  EmptyState,
  ListPageHeader,
  labelsUnder,
  PlainTable,
  QueryBoundary,
  SectionCard,
} from "../../../shared/ui";
import { useContingents, useOperations } from "../api";
import { OperationFormModal } from "../components/operation-form-modal";
import { StrengthSection } from "../components/strength-chart";
import type { Contingent } from "../types";

const year = (date: string) => Number(date.slice(0, 4)) + (Number(date.slice(5, 7)) - 1) / 12;

/** One bar per contingent, from its first rotation to its last (or today while it serves). */
function ContingentTimeline({ contingents }: { contingents: Contingent[] }) {
  const { t } = useTranslation("operations");
  const format = useFormat();
  const today = new Date().toISOString().slice(0, 10);
  const dated = contingents.filter((c) => c.firstStartsOn);
  if (dated.length === 0) return <EmptyState title={t("contingents.none")} />;
  const start = Math.floor(Math.min(...dated.map((c) => year(c.firstStartsOn!))));
  const end = Math.ceil(Math.max(...dated.map((c) => year(c.lastEndsOn ?? today)))) + 1;
  const span = Math.max(1, end - start);
  return (
    <Stack gap="xs" data-testid="contingent-timeline">
      {dated.map((contingent) => {
        const from = year(contingent.firstStartsOn!);
        const to = year(contingent.lastEndsOn ?? today) + 1 / 12;
        return (
          <Group
            key={contingent.id}
            wrap="nowrap"
            gap="sm"
            data-testid={`timeline-${contingent.operation.code}`}
          >
            <Box w={{ base: 120, sm: 260 }} style={{ flexShrink: 0 }}>
              <Anchor component={Link} to={`/operations/contingents/${contingent.id}`} size="sm">
                {contingent.name}
              </Anchor>
              <Text size="xs" c="dimmed">
                {contingent.operation.code} · {format.date(contingent.firstStartsOn)} –{" "}
                {contingent.lastEndsOn ? format.date(contingent.lastEndsOn) : t("operations.ongoing")}
              </Text>
            </Box>
            <Box
              pos="relative"
              h={14}
              style={{ flex: 1, background: "var(--mantine-color-gray-1)", borderRadius: 4 }}
            >
              <Box
                pos="absolute"
                h={14}
                title={`${contingent.peakStrength}`}
                style={{
                  left: `${((from - start) / span) * 100}%`,
                  width: `${Math.max(0.8, ((to - from) / span) * 100)}%`,
                  background: "var(--mantine-color-indigo-6)",
                  borderRadius: 4,
                }}
              />
            </Box>
            <Badge variant="light" w={70}>
              {contingent.peakStrength}
            </Badge>
          </Group>
        );
      })}
      <Group justify="space-between" ml={{ base: 132, sm: 272 }} mr={82}>
        <DimmedText size="xs">{start}</DimmedText>
        <DimmedText size="xs">{end}</DimmedText>
      </Group>
    </Stack>
  );
}

/** Operations, with the contingents the user may see on a timeline and their strength over time. */
export function OperationsPage() {
  const { t } = useTranslation("operations");
  const format = useFormat();
  const { signedIn, isAdministrator } = usePermissions();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const [searchParams, setSearchParams] = useSearchParams();
  const operationId = searchParams.get("operation") ?? "";
  const operations = useOperations();
  const filter = operationId ? { operationId } : {};
  const contingents = useContingents(filter, signedIn);

  return (
    <>
      <ListPageHeader
        title={t("operations.title")}
        description={t("operations.description")}
        download={{ kind: "operations" }}
      >
        {signedIn && <DownloadMenu kind="contingents" filters={filter} />}
        {isAdministrator && (
          <Button onClick={() => setCreating(true)} data-testid="operation-new">
            {t("authoring.newOperation")}
          </Button>
        )}
      </ListPageHeader>
      {isAdministrator && <OperationFormModal opened={creating} onClose={() => setCreating(false)} />}
      <Stack gap="md">
        <Paper withBorder p="md" radius="md">
          <QueryBoundary query={operations}>
            {(page) => (
              <PlainTable
                minWidth={560}
                striped
                data-testid="operations-table"
                columns={labelsUnder(t, "operations", ["name", "dates", "lead", "contingents"])}
                alignRight={[3]}
              >
                {page.items.map((operation) => (
                  <Table.Tr
                    key={operation.id}
                    data-testid={`operation-${operation.code}`}
                    // The whole row opens the operation's page.
                    onClick={() => navigate(`/operations/${operation.id}`)}
                    style={{ cursor: "pointer" }}
                    bg={operation.id === operationId ? "var(--mantine-color-indigo-light)" : undefined}
                  >
                    <Table.Td>
                      <Anchor
                        component={Link}
                        to={`/operations/${operation.id}`}
                        size="sm"
                        fw={500}
                        data-testid={`operation-link-${operation.code}`}
                      >
                        {operation.name}
                      </Anchor>
                      <DimmedText size="xs">{operation.description}</DimmedText>
                    </Table.Td>
                    <Table.Td>
                      {format.date(operation.startsOn)} –{" "}
                      {operation.endsOn ? format.date(operation.endsOn) : t("operations.ongoing")}
                    </Table.Td>
                    <Table.Td>{operation.leadOrganisation.code}</Table.Td>
                    <Table.Td ta="right">{operation.contingentCount}</Table.Td>
                  </Table.Tr>
                ))}
              </PlainTable>
            )}
          </QueryBoundary>
        </Paper>
        {!signedIn ? (
          <Alert color="gray">{t("contingents.restrictedHint")}</Alert>
        ) : (
          <>
            <SegmentedControl
              value={operationId}
              onChange={(value) => setSearchParams(value ? { operation: value } : {})}
              data={[
                { value: "", label: t("operations.all") },
                ...(operations.data?.items ?? []).map((operation) => ({
                  value: operation.id,
                  label: operation.code,
                })),
              ]}
              data-testid="operation-filter"
            />
            <SectionCard title={t("operations.timeline")}>
              <QueryBoundary query={contingents}>
                {(page) => <ContingentTimeline contingents={page.items} />}
              </QueryBoundary>
            </SectionCard>
            <StrengthSection filter={filter} />
          </>
        )}
      </Stack>
    </>
  );
}
