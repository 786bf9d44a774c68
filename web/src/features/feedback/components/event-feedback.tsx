import { Alert, Anchor, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useFormat } from "../../../shared/i18n/format";
import { useNamespace } from "../../../shared/i18n/i18n";
import { DimmedText, PlainTable, QueryBoundary } from "../../../shared/ui";
import { type QuestionFigures, useEventReport } from "../api";
import { questionText } from "./question-text";

/** The figures of each question: average and distribution of ratings, how many answered. */
export function FiguresTable({ questions }: { questions: QuestionFigures[] }) {
  const { t } = useTranslation("feedback");
  const format = useFormat();
  return (
    <PlainTable
      minWidth={480}
      data-testid="feedback-figures"
      columns={[t("report.question"), t("report.average"), t("report.distribution"), t("report.answers")]}
    >
      {questions.map((question) => (
        <Table.Tr key={question.id}>
          <Table.Td>{questionText(question, format.language)}</Table.Td>
          <Table.Td data-testid="feedback-average">
            {question.average === null ? "—" : format.number(question.average)}
          </Table.Td>
          <Table.Td>{question.answer === "rating" ? question.distribution.join(" · ") : "—"}</Table.Td>
          <Table.Td>{question.answers}</Table.Td>
        </Table.Tr>
      ))}
    </PlainTable>
  );
}

/**
 * The event's feedback for those who run it: counts always, answers from the minimum number of respondents. Shown on
 * the catalogue's event page, whose route does not load this feature's strings.
 */
export function EventFeedback({ eventId }: { eventId: string }) {
  return useNamespace("feedback") ? <EventFeedbackReport eventId={eventId} /> : null;
}

function EventFeedbackReport({ eventId }: { eventId: string }) {
  const { t } = useTranslation("feedback");
  const report = useEventReport(eventId);
  return (
    <Paper withBorder p="md" data-testid="event-feedback">
      <Title order={4} mb="xs">
        {t("report.title")}
      </Title>
      <QueryBoundary query={report}>
        {(data) => (
          <Stack gap="sm">
            <Text size="sm" data-testid="feedback-respondents">
              {t("report.respondents", { respondents: data.respondents, participants: data.participants })}
            </Text>
            {data.withheld ? (
              <Alert color="gray" data-testid="feedback-withheld">
                {t("report.withheld", { minimum: data.minimumRespondents })}
              </Alert>
            ) : (
              <>
                <FiguresTable questions={data.questions} />
                <Text fw={500}>{t("report.comments")}</Text>
                {data.comments.length ? (
                  <Stack gap={4} data-testid="feedback-comments">
                    {data.comments.map((comment) => (
                      <Text key={`${comment.questionId}:${comment.text}`} size="sm">
                        “{comment.text}”
                      </Text>
                    ))}
                  </Stack>
                ) : (
                  <DimmedText>{t("report.noComments")}</DimmedText>
                )}
              </>
            )}
            <Anchor component={Link} to={`/feedback/activities/${data.event.activityId}`} size="sm">
              {t("report.allYears")}
            </Anchor>
          </Stack>
        )}
      </QueryBoundary>
    </Paper>
  );
}
