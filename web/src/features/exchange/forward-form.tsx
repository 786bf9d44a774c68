import { Button, Group, MultiSelect, Stack, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { ErrorAlert, notifySuccess } from "../../shared/ui";
import { type MessageDetail, useForward } from "./api";
import { MessageCard } from "./message-card";
import { partyIds, partyOption } from "./parties";

/** Forwards the message to parties already on its release list, with a note. */
export function ForwardForm({ message }: { message: MessageDetail }) {
  const { t } = useTranslation("exchange");
  const navigate = useNavigate();
  const forward = useForward(message.id);
  const [to, setTo] = useState<string[]>([]);
  const [note, setNote] = useState("");
  return (
    <MessageCard title={t("forward")} testId="forward-form">
      <Stack gap="xs">
        {forward.error && <ErrorAlert error={forward.error} />}
        <MultiSelect
          label={t("forwardTo")}
          data={message.releaseList.map(partyOption)}
          value={to}
          onChange={setTo}
          data-testid="forward-to"
        />
        <Textarea label={t("note")} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        <Group>
          <Button
            variant="light"
            disabled={to.length === 0}
            loading={forward.isPending}
            data-testid="forward-send"
            onClick={async () => {
              const parties = partyIds(to);
              const result = await forward.mutateAsync({
                note: note || undefined,
                recipientNationIds: parties.nationIds,
                recipientOrganisationIds: parties.organisationIds,
              });
              notifySuccess(t("sentMessage"));
              navigate(`/exchange/${result.id}`);
            }}
          >
            {t("forward")}
          </Button>
        </Group>
      </Stack>
    </MessageCard>
  );
}
