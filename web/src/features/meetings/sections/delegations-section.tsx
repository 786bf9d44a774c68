import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { PlainTable, SectionCard } from "../../../shared/ui";
import { type MeetingDetail, useRemoveDelegation } from "../api";
import { DelegationForm } from "../delegation-form";
import { RemoveCell } from "../section-parts";

export function DelegationsSection({ meeting, title }: { meeting: MeetingDetail; title: string }) {
  const { t } = useTranslation("meetings");
  const remove = useRemoveDelegation(meeting.id);
  return (
    <SectionCard title={t("meeting.delegations")} testId="meeting-delegations">
      {meeting.delegations.length === 0 ? (
        <Text c="dimmed">{t("meeting.noDelegations")}</Text>
      ) : (
        <PlainTable
          minWidth={480}
          columns={[t("meeting.party"), t("meeting.head"), t("meeting.members")]}
          actions={meeting.canEdit}
        >
          {meeting.delegations.map((d) => (
            <Table.Tr key={d.id} data-testid="delegation">
              <Table.Td>
                {d.nation
                  ? `${d.nation.code} — ${d.nation.nameEn}`
                  : `${d.organisation?.code} — ${d.organisation?.nameEn}`}
              </Table.Td>
              <Table.Td>{d.headName}</Table.Td>
              <Table.Td>
                {d.members.map((m) => [m.name, m.position].filter(Boolean).join(", ")).join("; ")}
              </Table.Td>
              <RemoveCell
                show={meeting.canEdit}
                message={t("authoring.removeDelegationConfirm", {
                  party: d.nation?.code ?? d.organisation?.code ?? "",
                })}
                remove={() => remove.mutateAsync(d.id)}
                testId={`delegation-remove-${d.nation?.code ?? d.organisation?.code}`}
              />
            </Table.Tr>
          ))}
        </PlainTable>
      )}
      {meeting.canEdit && <DelegationForm meeting={meeting} title={title} />}
    </SectionCard>
  );
}
