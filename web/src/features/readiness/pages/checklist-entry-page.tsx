import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  Progress,
  SegmentedControl,
  Stack,
  Text,
  Tooltip,
} from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { type KeyboardEvent, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router-dom";
import { useFormat } from "../../../shared/i18n/format";
import { DimmedText, errorMessage, QueryBoundary, RowActionButton } from "../../../shared/ui";
import { readinessKeys, StaleAnswerError, saveAnswer, useEvaluation, useEvaluationChecklist } from "../api";
import { AnswerNotes, type NotesChange } from "../components/answer-notes";
import { EvaluationPageHeader } from "../components/evaluation-page-header";
import type { Answer, AnswerValue, EvaluationChecklist } from "../types";

type SaveState = "saving" | "saved" | "stale" | "error";
type AnswerChange = { answer?: AnswerValue | null } & NotesChange;

/** Today in the browser's calendar, as an ISO date. */
const localToday = () => {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
};
const KEYS: Record<string, AnswerValue | null> = {
  y: "yes",
  n: "no",
  x: "not_evaluated",
  Backspace: null,
  Delete: null,
};

function Entry({ evaluationId, checklist }: { evaluationId: string; checklist: EvaluationChecklist }) {
  const { t } = useTranslation("readiness");
  const format = useFormat();
  const queryClient = useQueryClient();
  const [answers, setAnswers] = useState<Record<string, Answer>>(() =>
    Object.fromEntries(checklist.areas.flatMap((a) => a.criteria).map((c) => [c.id, c])),
  );
  const latest = useRef(answers);
  latest.current = answers;
  const queue = useRef(new Map<string, Promise<boolean>>());
  const [status, setStatus] = useState<Record<string, SaveState>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [areaIndex, setAreaIndex] = useState(0);
  const [focus, setFocus] = useState(0);
  const rowRefs = useRef<(HTMLDivElement | null)[]>([]);
  const area = checklist.areas[areaIndex]!;
  const all = useMemo(() => checklist.areas.flatMap((a) => a.criteria), [checklist]);
  const answered = all.filter((c) => answers[c.id]?.answer).length;
  // The server takes no answer before the evaluation's first day; the page says when answering opens.
  const notYetOpen = checklist.opensOn > localToday();
  const canAnswer = checklist.editable && !notYetOpen;

  useEffect(() => {
    rowRefs.current[focus]?.focus();
  }, [focus]);

  // Saves one answer (its value, comment or evidence) after the previous save of the same criterion, with the
  // version that save returned, so quick successive keys never trip over the evaluator's own writes; another
  // evaluator's write is shown. Resolves whether the save went through.
  const save = useCallback(
    (criterionId: string, code: string, change: AnswerChange): Promise<boolean> => {
      if (!canAnswer) return Promise.resolve(false);
      setAnswers((current) => ({ ...current, [criterionId]: { ...current[criterionId]!, ...change } }));
      setStatus((s) => ({ ...s, [criterionId]: "saving" }));
      const previous = queue.current.get(criterionId) ?? Promise.resolve(true);
      const next = previous.then(async () => {
        const { answer, version } = latest.current[criterionId]!;
        try {
          const saved = await saveAnswer(evaluationId, criterionId, { answer, ...change, version });
          setAnswers((current) => ({ ...current, [criterionId]: { ...current[criterionId]!, ...saved } }));
          latest.current = {
            ...latest.current,
            [criterionId]: { ...latest.current[criterionId]!, ...saved },
          };
          setStatus((s) => ({ ...s, [criterionId]: "saved" }));
          return true;
        } catch (error) {
          if (error instanceof StaleAnswerError) {
            setAnswers((current) => ({
              ...current,
              [criterionId]: { ...current[criterionId]!, ...error.current },
            }));
            latest.current = {
              ...latest.current,
              [criterionId]: { ...latest.current[criterionId]!, ...error.current },
            };
            setStatus((s) => ({ ...s, [criterionId]: "stale" }));
            const shown = error.current.answer
              ? t(`entry.${error.current.answer === "not_evaluated" ? "notEvaluated" : error.current.answer}`)
              : t("entry.unanswered");
            setNotice(t("entry.stale", { code, answer: shown }));
          } else {
            setStatus((s) => ({ ...s, [criterionId]: "error" }));
            setNotice(errorMessage(error, t));
          }
          return false;
        } finally {
          void queryClient.invalidateQueries({ queryKey: readinessKeys.results(evaluationId) });
        }
      });
      queue.current.set(criterionId, next);
      return next;
    },
    [canAnswer, evaluationId, queryClient, t],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement) return;
    const criterion = area.criteria[focus];
    if (event.key in KEYS && criterion) {
      event.preventDefault();
      void save(criterion.id, criterion.code, { answer: KEYS[event.key]! });
      if (KEYS[event.key] && focus < area.criteria.length - 1) setFocus(focus + 1);
    } else if (event.key === "ArrowDown" || event.key === "j") {
      event.preventDefault();
      setFocus(Math.min(area.criteria.length - 1, focus + 1));
    } else if (event.key === "ArrowUp" || event.key === "k") {
      event.preventDefault();
      setFocus(Math.max(0, focus - 1));
    } else if (event.key === "ArrowRight" && areaIndex < checklist.areas.length - 1) {
      event.preventDefault();
      setAreaIndex(areaIndex + 1);
      setFocus(0);
    } else if (event.key === "ArrowLeft" && areaIndex > 0) {
      event.preventDefault();
      setAreaIndex(areaIndex - 1);
      setFocus(0);
    }
  };

  const options: { value: AnswerValue; label: string }[] = [
    { value: "yes", label: t("entry.yes") },
    { value: "no", label: t("entry.no") },
    { value: "not_evaluated", label: t("entry.notEvaluated") },
  ];

  return (
    <Stack>
      <Group justify="space-between">
        <DimmedText>{t("entry.keys")}</DimmedText>
        <Text size="sm" data-testid="entry-progress">
          {t("entry.progress", { answered, total: all.length })}
        </Text>
      </Group>
      <Progress
        value={all.length ? (100 * answered) / all.length : 0}
        aria-label={t("entry.progress", { answered, total: all.length })}
      />
      {!checklist.editable && <Alert color="gray">{t("entry.readOnly")}</Alert>}
      {checklist.editable && notYetOpen && (
        <Alert color="yellow" data-testid="entry-not-open">
          {t("authoring.notYetOpen", { date: format.date(checklist.opensOn) })}
        </Alert>
      )}
      {notice && (
        <Alert color="orange" withCloseButton onClose={() => setNotice(null)} data-testid="entry-notice">
          {notice}
        </Alert>
      )}
      <SegmentedControl
        data-testid="area-tabs"
        value={area.id}
        onChange={(value) => {
          setAreaIndex(checklist.areas.findIndex((a) => a.id === value));
          setFocus(0);
        }}
        data={checklist.areas.map((a) => {
          const done = a.criteria.filter((c) => answers[c.id]?.answer).length;
          return { value: a.id, label: `${a.code} ${done}/${a.criteria.length}` };
        })}
        style={{ flexWrap: "wrap" }}
      />
      <Text fw={600}>{area.title}</Text>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the list takes the checklist's keyboard shortcuts */}
      <div onKeyDown={onKeyDown} data-testid="criteria-list">
        <Stack gap={4}>
          {area.criteria.map((criterion, index) => {
            const answer = answers[criterion.id]!;
            const state = status[criterion.id];
            return (
              <Paper
                key={criterion.id}
                ref={(element) => {
                  rowRefs.current[index] = element;
                }}
                withBorder
                p="xs"
                tabIndex={0}
                onFocus={(event) => {
                  // Typing a comment keeps the caret: only the row and its buttons move the keyboard focus.
                  if (!(event.target instanceof HTMLTextAreaElement)) setFocus(index);
                }}
                bg={index === focus ? "var(--mantine-color-blue-light)" : undefined}
                data-testid={`criterion-${criterion.code}`}
                data-answer={answer.answer ?? ""}
                data-save={state ?? ""}
                aria-label={`${criterion.code} ${criterion.text}`}
              >
                {/* The answers sit beside the criterion, or under it where the two do not fit (a phone). */}
                <Group justify="space-between" align="flex-start">
                  <Stack gap={2} style={{ flex: "1 1 16rem" }}>
                    <Group gap="xs">
                      <Text size="sm" fw={600}>
                        {criterion.code}
                      </Text>
                      {criterion.critical && (
                        <Badge size="xs" color="red" variant="light">
                          {t("entry.critical")}
                        </Badge>
                      )}
                      {state === "saving" && <DimmedText size="xs">{t("entry.saving")}</DimmedText>}
                      {state === "saved" && (
                        <Text size="xs" c="teal">
                          {t("entry.saved")}
                        </Text>
                      )}
                    </Group>
                    {criterion.guidance ? (
                      <Tooltip label={criterion.guidance} multiline w={360} openDelay={500}>
                        <Text size="sm">{criterion.text}</Text>
                      </Tooltip>
                    ) : (
                      <Text size="sm">{criterion.text}</Text>
                    )}
                    <AnswerNotes
                      code={criterion.code}
                      answer={answer}
                      editable={canAnswer}
                      onSave={(change) => save(criterion.id, criterion.code, change)}
                    />
                  </Stack>
                  {/* Buttons, not radios: a radio group changes (and this page would save) its value on ↑/↓,
                      so an arrow key meant to move on silently rewrote the answer. Choosing is a click or Enter. */}
                  <Button.Group aria-label={t("entry.answerOf", { code: criterion.code })}>
                    {options.map((option) => {
                      const chosen = answer.answer === option.value;
                      return (
                        <RowActionButton
                          key={option.value}
                          variant={chosen ? "filled" : "default"}
                          aria-pressed={chosen}
                          disabled={!canAnswer}
                          onClick={() => {
                            if (!chosen) void save(criterion.id, criterion.code, { answer: option.value });
                          }}
                          testId={`answer-${criterion.code}-${option.value}`}
                        >
                          {option.label}
                        </RowActionButton>
                      );
                    })}
                  </Button.Group>
                </Group>
              </Paper>
            );
          })}
        </Stack>
      </div>
    </Stack>
  );
}

export function ChecklistEntryPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation("readiness");
  const evaluation = useEvaluation(id);
  const checklist = useEvaluationChecklist(id);
  const title = evaluation.data?.title ?? "";
  return (
    <>
      <EvaluationPageHeader evaluationId={id} evaluationTitle={title} title={t("entry.title")} />
      <QueryBoundary query={checklist}>
        {(data) => <Entry evaluationId={id} checklist={data} />}
      </QueryBoundary>
    </>
  );
}
