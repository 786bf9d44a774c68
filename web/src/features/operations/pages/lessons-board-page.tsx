import { Anchor, Badge, Button, Card, Group, Modal, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { IconArrowRight } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router-dom";
import { usePermissions } from "../../../shared/auth";
import {
  DimmedText,
  DownloadMenu,
  notifyError,
  notifySuccess,
  PageFooter,
  PageHeader,
  QueryBoundary,
  RowActionButton,
  TextField,
} from "../../../shared/ui";
import { useLessons, useTransitionLesson } from "../api";
import { SampleBadge } from "../components/sample-badge";
import { LESSON_STATUSES, type Lesson, type LessonStatus } from "../types";

/** A move that needs words: learned needs the activity or plan that takes the lesson up, rejected a reason. */
interface PendingMove {
  lesson: Lesson;
  to: LessonStatus;
}

function LessonCard({ lesson, onMove }: { lesson: Lesson; onMove: (to: LessonStatus) => void }) {
  const { t } = useTranslation("operations");
  const { signedIn } = usePermissions();
  return (
    <Card withBorder padding="sm" radius="md" data-testid={`lesson-card-${lesson.id}`}>
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text size="sm" fw={600} data-testid="lesson-heading">
            {lesson.title}
          </Text>
          <SampleBadge show={lesson.sample} />
        </Group>
        <Anchor component={Link} to={`/exercises/${lesson.exercise.id}`} size="xs">
          {lesson.exercise.name}
        </Anchor>
        <DimmedText size="xs">
          {t("lessons.owner")}: {lesson.ownerNation?.code ?? lesson.ownerOrganisation?.code}
        </DimmedText>
        {(lesson.followUpReference || lesson.followUpActivity) && (
          <Text size="xs" data-testid="lesson-follow-up">
            {t("lessons.followUp")}: {lesson.followUpActivity?.code ?? lesson.followUpReference}
          </Text>
        )}
        {lesson.statusNote && <DimmedText size="xs">{lesson.statusNote}</DimmedText>}
        {signedIn && lesson.allowedTransitions.length > 0 && (
          <Group gap={4} mt={4}>
            {lesson.allowedTransitions.map((to) => (
              // An action, not a state: an outlined button saying what it does, unlike the status badges.
              <RowActionButton
                key={to}
                variant="default"
                color={to === "rejected" ? "red" : undefined}
                c={to === "rejected" ? "red.8" : undefined}
                rightSection={<IconArrowRight size={12} aria-hidden />}
                onClick={() => onMove(to)}
                testId={`lesson-move-${to}`}
              >
                {t("lessons.moveTo", { status: t(`lessonStatuses.${to}`) })}
              </RowActionButton>
            ))}
          </Group>
        )}
      </Stack>
    </Card>
  );
}

/** Lessons identified in exercises, by status, moved on until a later activity or plan takes them up. */
export function LessonsBoardPage() {
  const { t } = useTranslation("operations");
  const [searchParams] = useSearchParams();
  const exerciseId = searchParams.get("exerciseId") ?? undefined;
  // The page offset belongs to one exercise filter: another filter starts at the first page.
  const [paging, setPaging] = useState({ exerciseId, offset: 0 });
  const offset = paging.exerciseId === exerciseId ? paging.offset : 0;
  const query = useLessons({ exerciseId, limit: 50, offset });
  const transition = useTransitionLesson();
  const [pending, setPending] = useState<PendingMove | null>(null);
  const [text, setText] = useState("");

  const move = (lesson: Lesson, to: LessonStatus, words?: string) =>
    transition.mutate(
      {
        id: lesson.id,
        to,
        ...(to === "learned" && words ? { followUpReference: words } : {}),
        ...(to === "rejected" && words ? { note: words } : {}),
      },
      {
        onSuccess: () => {
          notifySuccess(t("common:notify.saved"));
          setPending(null);
          setText("");
        },
        onError: (error) => notifyError(error, t),
      },
    );

  const onMove = (lesson: Lesson) => (to: LessonStatus) => {
    const needsWords =
      (to === "learned" && !lesson.followUpReference && !lesson.followUpActivity) || to === "rejected";
    if (needsWords) setPending({ lesson, to });
    else move(lesson, to);
  };

  return (
    <>
      <PageHeader
        title={t("lessons.board")}
        description={t("lessons.boardDescription")}
        breadcrumbs={[{ label: t("exercises.title"), to: "/exercises" }, { label: t("lessons.board") }]}
        actions={<DownloadMenu kind="lessons" filters={{ exerciseId }} />}
      />
      <QueryBoundary query={query}>
        {(page) => (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }} spacing="sm" data-testid="lessons-board">
              {LESSON_STATUSES.map((status) => {
                const lessons = page.items.filter((lesson) => lesson.status === status);
                return (
                  <Stack key={status} gap="xs" data-testid={`lessons-column-${status}`}>
                    <Group justify="space-between">
                      <Title order={2} size="h5">
                        {t(`lessonStatuses.${status}`)}
                      </Title>
                      <Badge
                        variant="light"
                        color="gray"
                        title={t("lessons.inColumn", { count: lessons.length })}
                        aria-label={t("lessons.inColumn", { count: lessons.length })}
                        data-testid={`lessons-count-${status}`}
                      >
                        {lessons.length}
                      </Badge>
                    </Group>
                    {lessons.map((lesson) => (
                      <LessonCard key={lesson.id} lesson={lesson} onMove={onMove(lesson)} />
                    ))}
                  </Stack>
                );
              })}
            </SimpleGrid>
            <PageFooter page={page} onOffsetChange={(next) => setPaging({ exerciseId, offset: next })} />
          </>
        )}
      </QueryBoundary>
      <Modal
        opened={!!pending}
        onClose={() => setPending(null)}
        title={pending ? t("lessons.moveTo", { status: t(`lessonStatuses.${pending.to}`) }) : ""}
        centered
      >
        <Stack>
          <TextField
            label={pending?.to === "rejected" ? t("lessons.rejectNote") : t("lessons.followUp")}
            description={pending?.to === "learned" ? t("lessons.followUpHint") : undefined}
            value={text}
            onValue={setText}
            testId="lesson-move-text"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setPending(null)}>
              {t("common:actions.cancel")}
            </Button>
            <Button
              disabled={!text.trim()}
              loading={transition.isPending}
              onClick={() => pending && move(pending.lesson, pending.to, text.trim())}
              data-testid="lesson-move-confirm"
            >
              {t("common:actions.confirm")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
