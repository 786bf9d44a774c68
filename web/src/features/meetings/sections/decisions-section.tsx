import { Badge, Button, Card, Group, Select, Stack, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert, optionsUnder, RowActionButton, SectionCard, TextField } from "../../../shared/ui";
import { type Decision, type MeetingDetail, useMeetingMutation } from "../api";
import { DecisionEditModal } from "../decision-edit";

const TRANSLATION_STATUSES = ["original", "official", "pending", "unofficial"] as const;

export function DecisionsSection({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation("meetings");
  const add = useMeetingMutation<string>((id) => `/api/meetings/${id}/decisions`);
  const [edited, setEdited] = useState<Decision | null>(null);
  const [title, setTitle] = useState("");
  const [language, setLanguage] = useState<string | null>("ru");
  const [status, setStatus] = useState<string | null>("original");
  const [body, setBody] = useState("");
  return (
    <SectionCard title={t("meeting.decisions")} testId="meeting-decisions">
      <DecisionEditModal decision={edited} onClose={() => setEdited(null)} />
      {meeting.decisions.length === 0 ? (
        <Text c="dimmed">{t("meeting.noDecisions")}</Text>
      ) : (
        <Stack gap="sm">
          {meeting.decisions.map((decision) => (
            <Card
              key={decision.id}
              id={`decision-${decision.id}`}
              withBorder
              padding="sm"
              data-testid="decision"
            >
              <Group gap="xs" mb={4}>
                <Badge variant="filled" data-testid="decision-reference">
                  {decision.reference}
                </Badge>
                <Text fw={600}>{decision.title}</Text>
                {meeting.canEdit && (
                  <RowActionButton
                    onClick={() => setEdited(decision)}
                    testId={`decision-edit-${decision.number}`}
                  >
                    {t("authoring.edit")}
                  </RowActionButton>
                )}
              </Group>
              {decision.texts.map((text) => (
                <Group key={text.language} gap="xs" align="flex-start" wrap="nowrap">
                  <Badge variant="outline" size="sm" w={40}>
                    {text.language}
                  </Badge>
                  <Badge
                    variant="light"
                    size="sm"
                    color={text.translationStatus === "pending" ? "orange" : "gray"}
                  >
                    {t(`translation.${text.translationStatus}`)}
                  </Badge>
                  <Text size="sm">{text.body}</Text>
                </Group>
              ))}
            </Card>
          ))}
        </Stack>
      )}
      {meeting.canEdit && (
        <Stack mt="sm" gap="xs">
          <Group align="flex-end">
            <TextField
              label={t("meeting.decisionTitle")}
              value={title}
              onValue={setTitle}
              w={360}
              testId="decision-title"
            />
            <Select
              label={t("meeting.language")}
              w={100}
              data={["ru", "en", "az", "kk", "ky", "tg", "uz", "hy", "be"]}
              value={language}
              onChange={setLanguage}
            />
            <Select
              label={t("meeting.translation")}
              w={220}
              data={optionsUnder(t, "translation", TRANSLATION_STATUSES)}
              value={status}
              onChange={setStatus}
            />
          </Group>
          <Textarea
            label={t("meeting.text")}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            data-testid="decision-text"
          />
          <Group>
            <Button
              disabled={!title.trim() || !body.trim() || !language}
              loading={add.isPending}
              data-testid="decision-add"
              onClick={async () => {
                await add.mutateAsync({
                  input: meeting.id,
                  body: { title, texts: [{ language, body, translationStatus: status ?? "original" }] },
                });
                setTitle("");
                setBody("");
              }}
            >
              {t("meeting.addDecision")}
            </Button>
          </Group>
        </Stack>
      )}
      {add.error && <ErrorAlert error={add.error} />}
    </SectionCard>
  );
}
