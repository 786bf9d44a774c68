import { Group, Paper, Table } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { usePermissions } from "../../../shared/auth";
import {
  DimmedText,
  EmptyState,
  labelsUnder,
  notifyError,
  notifySuccess,
  PagedQuery,
  PageHeader,
  RowActionButton,
  StatusBadge,
  TableHead,
  TextField,
} from "../../../shared/ui";
import { useApplications, useDecideApplication } from "../api";
import { useDateRange } from "../components/labels";

const COLOURS = { pending: "yellow", approved: "green", refused: "red" } as const;

// The decisions on an application, each offered while the application may move to its status.
const DECISIONS = [
  { decision: "approve", to: "approved", look: { variant: "filled" } },
  { decision: "refuse", to: "refused", look: { color: "red", variant: "light" } },
] as const;

/**
 * Two-step applications: the national point of contact's inbox (approve or refuse, with an optional reason), or a
 * participant's own applications and their outcome.
 */
export function ApplicationsPage() {
  const { t } = useTranslation("catalogue");
  const { hasRole } = usePermissions();
  const deciding = hasRole("national_coordinator") || hasRole("administrator");
  const [offset, setOffset] = useState(0);
  const [reason, setReason] = useState("");
  const dates = useDateRange();
  const applications = useApplications({ scope: deciding ? "deciding" : "mine", offset });
  const decide = useDecideApplication();
  const run = (id: string, decision: "approve" | "refuse") =>
    decide.mutate(
      { id, decision, reason: reason.trim() || undefined },
      {
        onSuccess: () => notifySuccess(t(`applications.${decision}d`)),
        onError: (error) => notifyError(error, t),
      },
    );
  return (
    <>
      <PageHeader
        title={t(deciding ? "applications.inbox" : "applications.mine")}
        description={t(deciding ? "applications.inboxDescription" : "applications.mineDescription")}
      />
      <Paper withBorder p="md">
        {deciding && (
          <TextField
            mb="sm"
            maw={480}
            label={t("applications.reason")}
            placeholder={t("applications.reasonPlaceholder")}
            value={reason}
            onValue={setReason}
            testId="application-reason"
          />
        )}
        <PagedQuery
          query={applications}
          onOffsetChange={setOffset}
          empty={<EmptyState description={t("applications.empty")} />}
        >
          {(items) => (
            <Table data-testid="applications">
              <TableHead
                columns={[
                  ...labelsUnder(t, "applications", ["event", "person", "motivation"]),
                  t("fields.status"),
                  null,
                ]}
              />
              <Table.Tbody>
                {items.map((a) => (
                  <Table.Tr key={a.id} data-testid={`application-${a.person.familyName}`}>
                    <Table.Td>
                      <Link to={`/catalogue/events/${a.eventId}`}>{a.event.activityCode}</Link>
                      <DimmedText size="xs">{dates(a.event.startsOn, a.event.endsOn)}</DimmedText>
                    </Table.Td>
                    <Table.Td>
                      {a.person.givenName} {a.person.familyName} ({a.nation.code})
                    </Table.Td>
                    <Table.Td>{a.motivation}</Table.Td>
                    <Table.Td>
                      <StatusBadge
                        status={a.status}
                        words="catalogue:applications.statuses"
                        colours={COLOURS}
                        testId={`application-status-${a.status}`}
                      />
                      {a.reason && <DimmedText size="xs">{a.reason}</DimmedText>}
                    </Table.Td>
                    <Table.Td>
                      {a.canDecide && (
                        <Group gap={4}>
                          {DECISIONS.filter((d) => a.allowedTransitions.includes(d.to)).map((d) => (
                            <RowActionButton
                              key={d.decision}
                              {...d.look}
                              onClick={() => run(a.id, d.decision)}
                              testId={`${d.decision}-${a.person.familyName}`}
                            >
                              {t(`applications.${d.decision}`)}
                            </RowActionButton>
                          ))}
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </PagedQuery>
      </Paper>
    </>
  );
}
