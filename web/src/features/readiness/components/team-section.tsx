import { Alert, Badge, Button, Group, List, Select, Stack, Table, Text, Textarea } from "@mantine/core";
import { IconUserPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type BookingConflict, hasErrorCode, isApiError } from "../../../shared/api";
import { useFormat } from "../../../shared/i18n/format";
import {
  ConfirmButton,
  errorMessage,
  notifyError,
  notifySuccess,
  PlainTable,
  SectionCard,
} from "../../../shared/ui";
import { useAddTeamMember, useEligibleEvaluators, useRemoveTeamMember } from "../api";
import type { EvaluationDetail } from "../types";

/** The evaluation's team: who evaluates, and, for its planners while it is open, adding and removing members. */
export function TeamSection({ evaluation }: { evaluation: EvaluationDetail }) {
  const { t } = useTranslation("readiness");
  const format = useFormat();
  const open = evaluation.state === "planned" || evaluation.state === "in_progress";
  const canStaff = evaluation.permissions.plan && open;
  const eligible = useEligibleEvaluators(evaluation.id, canStaff);
  const add = useAddTeamMember(evaluation.id);
  const remove = useRemoveTeamMember(evaluation.id);
  const [personId, setPersonId] = useState<string | null>(null);
  const [role, setRole] = useState<"lead" | "evaluator">("evaluator");
  const [refusal, setRefusal] = useState<string | null>(null);
  // The server refused the assignment as a double booking: its conflicts, and the reason for overriding it.
  const [conflicts, setConflicts] = useState<BookingConflict[]>([]);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | null>(null);

  const submit = (override?: { reason: string }) => {
    if (!personId) return;
    setRefusal(null);
    add.mutate(
      { personId, role, ...(override ? { override: true, overrideReason: override.reason } : {}) },
      {
        onSuccess: () => {
          notifySuccess(t("detail.added"));
          setPersonId(null);
          setConflicts([]);
          setReason("");
        },
        onError: (error) => {
          const doubleBooked = isApiError(error) && hasErrorCode(error, "DOUBLE_BOOKING");
          setConflicts(doubleBooked ? error.conflicts : []);
          // A double booking is explained by its own section below, in the page's language.
          setRefusal(doubleBooked ? null : errorMessage(error, t));
        },
      },
    );
  };
  const assignAnyway = () => {
    if (!reason.trim()) {
      setReasonError(t("detail.doubleBooking.reasonRequired"));
      return;
    }
    setReasonError(null);
    submit({ reason: reason.trim() });
  };

  return (
    <SectionCard title={t("detail.team")} radius="sm">
      {evaluation.team.length === 0 ? (
        <Text c="dimmed">{t("detail.noTeam")}</Text>
      ) : (
        <PlainTable minWidth={480} data-testid="team-table">
          {evaluation.team.map((member) => (
            <Table.Tr key={member.id} data-testid={`team-member-${member.person.id}`}>
              <Table.Td>
                {member.person.rankTitle} {member.person.givenName} {member.person.familyName}
              </Table.Td>
              <Table.Td>{member.person.nationCode}</Table.Td>
              <Table.Td>
                <Group gap="xs">
                  <Badge variant="light" color={member.role === "lead" ? "blue" : "gray"}>
                    {t(`detail.${member.role}`)}
                  </Badge>
                  {!member.certified && (
                    <Badge color="red" title={t("detail.notCertifiedHint")} data-testid="team-not-certified">
                      {t("detail.notCertified")}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                {canStaff && (
                  <ConfirmButton
                    size="xs"
                    variant="subtle"
                    message={t("detail.removeConfirm")}
                    onConfirm={() => remove.mutateAsync(member.id).catch((error) => notifyError(error, t))}
                  >
                    {t("detail.remove")}
                  </ConfirmButton>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </PlainTable>
      )}
      {canStaff && (
        <Stack mt="md" gap="xs">
          <Group align="flex-end">
            <Select
              label={t("detail.eligible")}
              description={t("detail.eligibleHint")}
              searchable
              w={420}
              data={(eligible.data?.items ?? []).map((person) => ({
                value: person.personId,
                label:
                  `${person.rankTitle ?? ""} ${person.givenName} ${person.familyName} (${person.nationCode}) · ${person.certificateNumber}`.trim(),
              }))}
              value={personId}
              onChange={(value) => {
                setPersonId(value);
                setConflicts([]);
              }}
              data-testid="team-person"
            />
            <Select
              label={t("detail.role")}
              w={180}
              allowDeselect={false}
              data={[
                { value: "evaluator", label: t("detail.evaluator") },
                { value: "lead", label: t("detail.lead") },
              ]}
              value={role}
              onChange={(value) => setRole((value as "lead" | "evaluator") ?? "evaluator")}
              data-testid="team-role"
            />
            <Button
              leftSection={<IconUserPlus size={16} />}
              onClick={() => submit()}
              disabled={!personId}
              loading={add.isPending}
              data-testid="team-add"
            >
              {t("detail.addMember")}
            </Button>
          </Group>
          {refusal && (
            <Alert color="red" data-testid="team-refusal">
              {refusal}
            </Alert>
          )}
          {conflicts.length > 0 && (
            <Stack gap="xs" data-testid="team-double-booking">
              <Text size="sm">{t("detail.doubleBooking.intro")}</Text>
              <List size="sm">
                {conflicts.map((conflict) => (
                  <List.Item key={`${conflict.recordType}-${conflict.id}`}>
                    {t(`detail.doubleBooking.kinds.${conflict.kind}`, { defaultValue: conflict.kind })}:{" "}
                    {conflict.title ?? t("detail.doubleBooking.notReleasable")} ·{" "}
                    {format.date(conflict.startsOn)} – {format.date(conflict.endsOn)}
                  </List.Item>
                ))}
              </List>
              <Textarea
                label={t("detail.doubleBooking.reason")}
                placeholder={t("detail.doubleBooking.reason")}
                value={reason}
                onChange={(event) => setReason(event.currentTarget.value)}
                error={reasonError}
                autosize
                minRows={2}
                maxLength={2000}
                data-testid="team-override-reason"
              />
              <Group>
                <Button
                  color="orange"
                  onClick={assignAnyway}
                  loading={add.isPending}
                  data-testid="team-assign-anyway"
                >
                  {t("detail.doubleBooking.assignAnyway")}
                </Button>
              </Group>
            </Stack>
          )}
        </Stack>
      )}
    </SectionCard>
  );
}
