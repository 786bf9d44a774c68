import { Button, Group, Stack, Textarea, type TextareaProps } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { RowActionButton } from "../../../shared/ui";
import type { Answer } from "../types";

export interface NotesChange {
  comment?: string | null;
  evidence?: string | null;
}

/** One note of an answer: a text area growing from one line, read-only once the team may no longer answer. */
function NoteField({
  editable,
  onValue,
  ...props
}: Omit<TextareaProps, "onChange" | "readOnly"> & {
  value: string;
  onValue: (value: string) => void;
  editable: boolean;
  "data-testid": string;
}) {
  return (
    <Textarea
      autosize
      minRows={1}
      maxLength={4000}
      readOnly={!editable}
      onChange={(event) => onValue(event.currentTarget.value)}
      {...props}
    />
  );
}

/**
 * The comment and evidence of one answer: shown to every reader, edited by the team while answering is open.
 * Only what changed is saved; the save goes through the page's queue, with the answer's current version.
 */
export function AnswerNotes({
  code,
  answer,
  editable,
  onSave,
}: {
  code: string;
  answer: Answer;
  editable: boolean;
  onSave: (change: NotesChange) => Promise<boolean>;
}) {
  const { t } = useTranslation("readiness");
  const [open, setOpen] = useState(false);
  const [comment, setComment] = useState(answer.comment ?? "");
  const [evidence, setEvidence] = useState(answer.evidence ?? "");
  const [busy, setBusy] = useState(false);
  const hasNotes = Boolean(answer.comment || answer.evidence);
  const toggle = () => {
    if (!open) {
      setComment(answer.comment ?? "");
      setEvidence(answer.evidence ?? "");
    }
    setOpen(!open);
  };
  const save = async () => {
    const change: NotesChange = {};
    if (comment.trim() !== (answer.comment ?? "")) change.comment = comment.trim() || null;
    if (evidence.trim() !== (answer.evidence ?? "")) change.evidence = evidence.trim() || null;
    if (Object.keys(change).length === 0) return setOpen(false);
    setBusy(true);
    if (await onSave(change)) setOpen(false);
    setBusy(false);
  };
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <RowActionButton
          variant={hasNotes ? "light" : "subtle"}
          onClick={toggle}
          aria-expanded={open}
          testId={`notes-toggle-${code}`}
        >
          {hasNotes ? `${t("authoring.notes")} ✓` : t("authoring.notes")}
        </RowActionButton>
      </Group>
      {open && (
        <Stack gap={4} data-testid={`notes-${code}`}>
          <NoteField
            label={t("authoring.comment")}
            editable={editable}
            value={comment}
            onValue={setComment}
            data-testid={`comment-${code}`}
          />
          <NoteField
            label={t("authoring.evidence")}
            description={t("authoring.evidenceHint")}
            editable={editable}
            value={evidence}
            onValue={setEvidence}
            data-testid={`evidence-${code}`}
          />
          {editable && (
            <Group>
              <Button size="compact-sm" loading={busy} onClick={save} data-testid={`notes-save-${code}`}>
                {t("authoring.saveNotes")}
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Stack>
  );
}
