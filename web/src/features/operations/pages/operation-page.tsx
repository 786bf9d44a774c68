import { Button, Paper, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { usePermissions } from "../../../shared/auth";
import { useFormat } from "../../../shared/i18n/format";
import {
  DetailList,
  EmptyState,
  LinkCell,
  PageHeader,
  PlainTable,
  QueryBoundary,
  RecordPage,
  ReleasabilityBadge,
  SectionCard,
} from "../../../shared/ui";
import { useContingents, useOperation } from "../api";
import { ContingentFormModal } from "../components/contingent-form-modal";
import { HeaderEditButton } from "../components/header-edit-button";
import { OperationFormModal } from "../components/operation-form-modal";
import { StrengthSection } from "../components/strength-chart";
import type { Operation } from "../types";

/** The contingents of the operation the user may see, and the way to record a new one. */
function OperationContingents({ operation }: { operation: Operation }) {
  const { t } = useTranslation("operations");
  const format = useFormat();
  const { isAdministrator, hasRole } = usePermissions();
  const contingents = useContingents({ operationId: operation.id });
  const [adding, setAdding] = useState(false);
  return (
    <SectionCard
      title={t("authoring.contingents")}
      testId="operation-contingents"
      actions={
        (isAdministrator || hasRole("national_coordinator")) && (
          <Button size="xs" onClick={() => setAdding(true)} data-testid="contingent-new">
            {t("authoring.newContingent")}
          </Button>
        )
      }
    >
      <QueryBoundary query={contingents}>
        {(page) =>
          page.items.length === 0 ? (
            <EmptyState title={t("authoring.noContingents")} />
          ) : (
            <PlainTable minWidth={520} striped>
              {page.items.map((contingent) => (
                <Table.Tr key={contingent.id} data-testid={`contingent-row-${contingent.nation.code}`}>
                  <LinkCell to={`/operations/contingents/${contingent.id}`} size="sm">
                    {contingent.name}
                  </LinkCell>
                  <Table.Td>{contingent.nation.code}</Table.Td>
                  <Table.Td>
                    {contingent.firstStartsOn
                      ? `${format.date(contingent.firstStartsOn)} – ${contingent.lastEndsOn ? format.date(contingent.lastEndsOn) : t("operations.ongoing")}`
                      : ""}
                  </Table.Td>
                  <Table.Td ta="right">{contingent.currentStrength}</Table.Td>
                  <Table.Td>
                    <ReleasabilityBadge level={contingent.releasability} size="xs" />
                  </Table.Td>
                </Table.Tr>
              ))}
            </PlainTable>
          )
        }
      </QueryBoundary>
      <ContingentFormModal operationId={operation.id} opened={adding} onClose={() => setAdding(false)} />
    </SectionCard>
  );
}

function OperationView({ operation }: { operation: Operation }) {
  const { t } = useTranslation("operations");
  const format = useFormat();
  const { signedIn } = usePermissions();
  const [editing, setEditing] = useState(false);
  return (
    <>
      <PageHeader
        title={<span data-testid="operation-title">{operation.name}</span>}
        documentTitle={operation.name}
        breadcrumbs={[{ label: t("operations.title"), to: "/operations" }, { label: operation.code }]}
        actions={
          operation.canEdit && <HeaderEditButton onClick={() => setEditing(true)} testId="operation-edit" />
        }
      />
      <Stack gap="md">
        <Paper withBorder p="md" radius="md">
          <DetailList
            items={[
              { label: t("authoring.code"), value: operation.code },
              {
                label: t("operations.dates"),
                value: `${format.date(operation.startsOn)} – ${operation.endsOn ? format.date(operation.endsOn) : t("operations.ongoing")}`,
                testId: "operation-dates",
              },
              { label: t("operations.lead"), value: operation.leadOrganisation.nameEn },
              { label: t("authoring.source"), value: operation.source },
            ]}
          />
          {operation.description && (
            <Text
              size="sm"
              mt="sm"
              style={{ whiteSpace: "pre-wrap" }}
              data-testid="operation-description-shown"
            >
              {operation.description}
            </Text>
          )}
        </Paper>
        {signedIn && <OperationContingents operation={operation} />}
        {signedIn && <StrengthSection filter={{ operationId: operation.id }} />}
      </Stack>
      {operation.canEdit && (
        <OperationFormModal operation={operation} opened={editing} onClose={() => setEditing(false)} />
      )}
    </>
  );
}

/** One operation: its facts, its contingents and their strength over time. */
export function OperationPage() {
  return (
    <RecordPage useRecord={useOperation}>{(operation) => <OperationView operation={operation} />}</RecordPage>
  );
}
