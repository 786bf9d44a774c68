import { Button, Group, Stack, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert, notifySuccess, SectionCard } from "../../../shared/ui";
import { type MeetingDetail, useMeetingMutation } from "../api";

export function MinutesSection({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation("meetings");
  const save = useMeetingMutation<string>((id) => `/api/meetings/${id}`, "patch");
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(meeting.minutes ?? "");
  return (
    <SectionCard title={t("meeting.minutes")} testId="meeting-minutes">
      {editing ? (
        <Stack>
          <Textarea
            autosize
            minRows={4}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            data-testid="minutes-text"
          />
          <Group>
            <Button
              loading={save.isPending}
              data-testid="minutes-save"
              onClick={async () => {
                await save.mutateAsync({ input: meeting.id, body: { minutes: text || null } });
                setEditing(false);
                notifySuccess(t("meeting.saved"));
              }}
            >
              {t("meeting.saveMinutes")}
            </Button>
            <Button variant="default" onClick={() => setEditing(false)}>
              {t("form.cancel")}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack>
          <Text
            style={{ whiteSpace: "pre-wrap" }}
            c={meeting.minutes ? undefined : "dimmed"}
            data-testid="minutes-view"
          >
            {meeting.minutes ?? t("meeting.noMinutes")}
          </Text>
          {meeting.canEdit && (
            <Group>
              <Button variant="light" onClick={() => setEditing(true)} data-testid="minutes-edit">
                {t("meeting.editMinutes")}
              </Button>
            </Group>
          )}
        </Stack>
      )}
      {save.error && <ErrorAlert error={save.error} />}
    </SectionCard>
  );
}
