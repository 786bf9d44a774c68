import { Alert, Button, Grid, NavLink, Paper, Rating, Stack, Text, Textarea, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { useFormat } from "../../../shared/i18n/format";
import {
  DimmedText,
  EmptyState,
  notifyError,
  notifySuccess,
  PageHeader,
  QueryBoundary,
} from "../../../shared/ui";
import {
  type FeedbackForm,
  type FeedbackInput,
  useFeedbackForm,
  usePendingFeedback,
  useSubmitFeedback,
} from "../api";
import { questionText } from "../components/question-text";

/** A participant's feedback: the events that await it, and the chosen event's questionnaire. */
export function FeedbackPage() {
  const { t } = useTranslation("feedback");
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const eventId = params.get("event");
  const pending = usePendingFeedback();
  const form = useFeedbackForm(eventId);
  return (
    <>
      <PageHeader title={t("give.title")} description={t("give.description")} />
      <Grid>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Paper withBorder p="sm">
            <Title order={4} mb="xs">
              {t("give.pending")}
            </Title>
            <QueryBoundary query={pending}>
              {(data) =>
                data.items.length ? (
                  <Stack gap={0} data-testid="feedback-pending">
                    {data.items.map((event) => (
                      <NavLink
                        key={event.id}
                        active={event.id === eventId}
                        label={event.activityTitle}
                        description={`${event.activityCode} · ${format.date(event.startsOn)} – ${format.date(event.endsOn)}`}
                        onClick={() => setParams({ event: event.id })}
                        data-testid={`feedback-event-${event.activityCode}`}
                      />
                    ))}
                  </Stack>
                ) : (
                  <Text c="dimmed" size="sm" data-testid="feedback-none">
                    {t("give.none")}
                  </Text>
                )
              }
            </QueryBoundary>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          {eventId ? (
            <QueryBoundary query={form}>
              {(data) => <Questionnaire key={data.event.id} form={data} />}
            </QueryBoundary>
          ) : (
            <EmptyState description={t("give.choose")} />
          )}
        </Grid.Col>
      </Grid>
    </>
  );
}

function Questionnaire({ form }: { form: FeedbackForm }) {
  const { t } = useTranslation("feedback");
  const format = useFormat();
  const submit = useSubmitFeedback();
  const [ratings, setRatings] = useState<Record<string, number>>({});
  const [comments, setComments] = useState<Record<string, string>>({});
  if (form.answered)
    return (
      <Alert color="green" data-testid="feedback-answered">
        {t("give.answered")}
      </Alert>
    );
  const send = () => {
    const answers = form.questions.flatMap((question): FeedbackInput["answers"] => {
      const comment = comments[question.id]?.trim();
      if (question.answer === "text") return comment ? [{ questionId: question.id, comment }] : [];
      const rating = ratings[question.id];
      return rating ? [{ questionId: question.id, rating, ...(comment ? { comment } : {}) }] : [];
    });
    submit.mutate(
      { eventId: form.event.id, input: { answers } },
      { onSuccess: () => notifySuccess(t("give.submitted")), onError: (error) => notifyError(error, t) },
    );
  };
  const complete = form.questions.every((question) => question.answer === "text" || ratings[question.id]);
  return (
    <Paper withBorder p="md" data-testid="feedback-form">
      <Title order={3}>{form.event.activityTitle}</Title>
      <Text size="sm" c="dimmed" mb="md">
        {form.event.activityCode} · {format.date(form.event.startsOn)} – {format.date(form.event.endsOn)}
      </Text>
      <Stack>
        {form.questions.map((question, index) => (
          <div key={question.id}>
            <Text fw={500}>
              {index + 1}. {questionText(question, format.language)}
            </Text>
            {question.answer === "rating" ? (
              <>
                <Rating
                  size="lg"
                  value={ratings[question.id] ?? 0}
                  onChange={(value) => setRatings((all) => ({ ...all, [question.id]: value }))}
                  aria-label={questionText(question, format.language)}
                  data-testid={`feedback-rating-${question.position}`}
                />
                <DimmedText size="xs">{t("give.ratingHint")}</DimmedText>
              </>
            ) : (
              <Textarea
                autosize
                minRows={2}
                maxLength={2000}
                placeholder={t("give.commentPlaceholder")}
                aria-label={questionText(question, format.language)}
                value={comments[question.id] ?? ""}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  setComments((all) => ({ ...all, [question.id]: value }));
                }}
                data-testid={`feedback-comment-${question.position}`}
              />
            )}
          </div>
        ))}
        <Button
          onClick={send}
          loading={submit.isPending}
          disabled={!complete}
          style={{ alignSelf: "flex-start" }}
          data-testid="feedback-submit"
        >
          {t("give.submit")}
        </Button>
      </Stack>
    </Paper>
  );
}
