import { Anchor, Badge, Group, Select, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useFormat } from "../../shared/i18n/format";
import { labelsUnder, notifyError, optionsUnder, PlainTable, RowActionButton } from "../../shared/ui";
import { EvidenceModal, ReviewModal } from "./action-dialogs";
import { type ActionItem, type ActionStatus, useSetActionStatus } from "./api";
import { ActionStatusBadge, OverdueBadge, partyName } from "./components";

function StatusSelect({ item }: { item: ActionItem }) {
  const { t } = useTranslation("meetings");
  const setStatus = useSetActionStatus();
  return (
    <Select
      size="xs"
      w={150}
      aria-label={t("actions.markStatus")}
      data={optionsUnder(t, "actionStatus", [item.status, ...item.allowedTransitions])}
      value={item.status}
      allowDeselect={false}
      disabled={setStatus.isPending}
      data-testid="action-status-select"
      onChange={(value) => {
        if (value && value !== item.status)
          setStatus.mutate(
            { id: item.id, status: value as ActionStatus },
            { onError: (error) => notifyError(error, t) },
          );
      }}
    />
  );
}

/**
 * Action items with their status (changed in place by those who may), the way to their reviews and evidence, and,
 * on a later meeting's page, to review them there (`reviewAt`).
 */
export function ActionTable({
  items,
  testId,
  reviewAt,
}: {
  items: ActionItem[];
  testId: string;
  reviewAt?: { id: string; label: string };
}) {
  const { t } = useTranslation("meetings");
  const format = useFormat();
  const [reviewed, setReviewed] = useState<ActionItem | null>(null);
  const [evidenceOf, setEvidenceOf] = useState<ActionItem | null>(null);
  if (items.length === 0) return <Text c="dimmed">{t("meeting.noActions")}</Text>;
  return (
    <PlainTable
      minWidth={640}
      data-testid={testId}
      columns={[...labelsUnder(t, "actions", ["item", "owner", "deadline", "status", "raisedAt"]), null]}
      beside={
        <>
          {reviewAt && (
            <ReviewModal
              item={reviewed}
              meetingId={reviewAt.id}
              meetingLabel={reviewAt.label}
              onClose={() => setReviewed(null)}
            />
          )}
          <EvidenceModal item={evidenceOf} onClose={() => setEvidenceOf(null)} />
        </>
      }
    >
      {items.map((item) => (
        <Table.Tr
          key={item.id}
          data-testid="action-row"
          data-overdue={item.overdue ? "true" : "false"}
          bg={item.overdue ? "var(--mantine-color-red-light)" : undefined}
        >
          <Table.Td>
            {item.decisionReference && (
              <Badge size="xs" variant="outline" mr={4}>
                {item.decisionReference}
              </Badge>
            )}
            {item.title}
          </Table.Td>
          <Table.Td>{partyName(item)}</Table.Td>
          <Table.Td>
            <Group gap={4}>
              {format.date(item.deadline)}
              <OverdueBadge item={item} />
            </Group>
          </Table.Td>
          <Table.Td>
            {item.canUpdate ? <StatusSelect item={item} /> : <ActionStatusBadge status={item.status} />}
          </Table.Td>
          <Table.Td>
            <Anchor component={Link} to={`/meetings/${item.raisedAt.id}`}>
              {item.raisedAt.numeral}
            </Anchor>
          </Table.Td>
          <Table.Td ta="right">
            <Group gap={4} justify="flex-end" wrap="nowrap">
              {reviewAt && (
                <RowActionButton variant="light" onClick={() => setReviewed(item)} testId="action-review">
                  {t("authoring.review")}
                </RowActionButton>
              )}
              <RowActionButton onClick={() => setEvidenceOf(item)} testId="action-evidence">
                {t("authoring.evidence")}
              </RowActionButton>
            </Group>
          </Table.Td>
        </Table.Tr>
      ))}
    </PlainTable>
  );
}
