import { Stack, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../../shared/i18n/format";
import { QueryBoundary, SectionCard, TextField } from "../../../shared/ui";
import { ActionTable } from "../action-table";
import { type MeetingDetail, splitParty, useMeetingActions, useMeetingMutation } from "../api";
import { PartySelect } from "../party-picker";
import { AddLineRow } from "../section-parts";

export function ActionsSection({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation("meetings");
  const format = useFormat();
  const actions = useMeetingActions(meeting.id);
  const add = useMeetingMutation<string>((id) => `/api/meetings/${id}/action-items`);
  const [owner, setOwner] = useState<string | null>(null);
  const [deadline, setDeadline] = useState("");
  return (
    <SectionCard title={t("meeting.actions")} testId="meeting-actions">
      <QueryBoundary query={actions}>
        {(data) => (
          <Stack>
            <Title order={3} size="h5">
              {t("meeting.carriedOver", { date: format.date(data.asOf) })}
            </Title>
            <ActionTable
              items={data.carriedOver}
              testId="actions-carried-over"
              reviewAt={
                meeting.canEdit
                  ? { id: meeting.id, label: `${meeting.numeral} · ${format.date(meeting.startsOn)}` }
                  : undefined
              }
            />
            <Title order={3} size="h5">
              {t("meeting.raised")}
            </Title>
            <ActionTable items={data.raised} testId="actions-raised" />
          </Stack>
        )}
      </QueryBoundary>
      <AddLineRow
        show={meeting.canEdit}
        add={add}
        title={{ label: t("actions.item"), w: 320, testId: "action-title" }}
        submit={{
          label: t("meeting.addAction"),
          testId: "action-add",
          ready: !!owner && !!deadline,
          onAdd: async (title) => {
            if (!owner) return;
            const party = splitParty(owner);
            await add.mutateAsync({
              input: meeting.id,
              body: {
                title,
                deadline,
                ...(party.nationId
                  ? { assigneeNationId: party.nationId }
                  : { assigneeOrganisationId: party.organisationId }),
              },
            });
            setDeadline("");
          },
        }}
      >
        <PartySelect
          label={t("actions.owner")}
          w={300}
          value={owner}
          onChange={setOwner}
          data-testid="action-owner"
        />
        <TextField
          type="date"
          label={t("actions.deadline")}
          value={deadline}
          onValue={setDeadline}
          required
          testId="action-deadline"
        />
      </AddLineRow>
    </SectionCard>
  );
}
