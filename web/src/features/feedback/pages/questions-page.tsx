import { Badge, Button, Group, NumberInput, Paper, Select, Table, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  EmptyState,
  notifyError,
  notifySuccess,
  PageHeader,
  PlainTable,
  QueryBoundary,
} from "../../../shared/ui";
import { ACTIVITY_KINDS } from "../../catalogue/types";
import {
  type ActivityKind,
  type QuestionInput,
  useCreateQuestion,
  useQuestions,
  useUpdateQuestion,
} from "../api";

/** Administrators set the questions each kind of activity asks; a retired question keeps its answers. */
export function QuestionsPage() {
  const { t } = useTranslation("feedback");
  const [kind, setKind] = useState<ActivityKind>("course");
  const questions = useQuestions(kind);
  const update = useUpdateQuestion();
  const toggle = (id: string, active: boolean) =>
    update.mutate(
      { id, patch: { active } },
      { onSuccess: () => notifySuccess(t("questions.saved")), onError: (error) => notifyError(error, t) },
    );
  return (
    <>
      <PageHeader title={t("questions.title")} description={t("questions.description")} />
      <Paper withBorder p="md">
        <Select
          label={t("questions.kind")}
          placeholder={t("questions.kind")}
          data={ACTIVITY_KINDS.map((value) => ({ value, label: t(`common:activityKinds.${value}`) }))}
          value={kind}
          onChange={(value) => value && setKind(value as ActivityKind)}
          allowDeselect={false}
          maw={320}
          mb="md"
          data-testid="feedback-kind"
        />
        <QueryBoundary query={questions}>
          {(data) =>
            data.items.length ? (
              <PlainTable
                minWidth={520}
                data-testid="feedback-questions"
                columns={[t("questions.position"), t("questions.textEn"), t("questions.answer"), null]}
              >
                {data.items.map((question) => (
                  <Table.Tr key={question.id}>
                    <Table.Td>{question.position}</Table.Td>
                    <Table.Td>{question.textEn}</Table.Td>
                    <Table.Td>{t(`questions.${question.answer}`)}</Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Badge color={question.active ? "green" : "gray"} variant="light">
                          {t(question.active ? "questions.active" : "questions.retired")}
                        </Badge>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          onClick={() => toggle(question.id, !question.active)}
                          data-testid={`feedback-toggle-${question.position}`}
                        >
                          {t(question.active ? "questions.retire" : "questions.restore")}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </PlainTable>
            ) : (
              <EmptyState description={t("questions.empty")} />
            )
          }
        </QueryBoundary>
        <AddQuestion kind={kind} next={(questions.data?.items.length ?? 0) + 1} />
      </Paper>
    </>
  );
}

function AddQuestion({ kind, next }: { kind: ActivityKind; next: number }) {
  const { t } = useTranslation("feedback");
  const create = useCreateQuestion();
  const [answer, setAnswer] = useState<QuestionInput["answer"]>("rating");
  const [position, setPosition] = useState<number | string>("");
  const [texts, setTexts] = useState({ textEn: "", textAz: "", textRu: "" });
  const save = () =>
    create.mutate(
      {
        activityKind: kind,
        position: typeof position === "number" ? position : next,
        answer,
        textEn: texts.textEn.trim(),
        textAz: texts.textAz.trim() || null,
        textRu: texts.textRu.trim() || null,
      },
      {
        onSuccess: () => {
          notifySuccess(t("questions.saved"));
          setTexts({ textEn: "", textAz: "", textRu: "" });
          setPosition("");
        },
        onError: (error) => notifyError(error, t),
      },
    );
  return (
    <>
      <Title order={5} mt="lg" mb="xs">
        {t("questions.add")}
      </Title>
      <Group align="flex-end" wrap="wrap">
        <NumberInput
          label={t("questions.position")}
          placeholder={String(next)}
          min={1}
          max={100}
          w={110}
          value={position}
          onChange={setPosition}
        />
        <Select
          label={t("questions.answer")}
          placeholder={t("questions.answer")}
          data={[
            { value: "rating", label: t("questions.rating") },
            { value: "text", label: t("questions.text") },
          ]}
          value={answer}
          onChange={(value) => value && setAnswer(value as QuestionInput["answer"])}
          allowDeselect={false}
          w={160}
        />
        {(["textEn", "textAz", "textRu"] as const).map((key) => (
          <TextInput
            key={key}
            label={t(`questions.${key}`)}
            placeholder={t("questions.textPlaceholder")}
            maxLength={500}
            required={key === "textEn"}
            value={texts[key]}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setTexts((all) => ({ ...all, [key]: value }));
            }}
            style={{ flex: "1 1 220px" }}
            data-testid={`feedback-new-${key}`}
          />
        ))}
        <Button
          onClick={save}
          loading={create.isPending}
          disabled={!texts.textEn.trim()}
          data-testid="feedback-add"
        >
          {t("questions.add")}
        </Button>
      </Group>
    </>
  );
}
