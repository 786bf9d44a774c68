import { Button, Group, Modal, Select, Stack, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { changedFields } from "../../../shared/api";
import { notifyFormError, notifySuccess } from "../../../shared/ui";
import { useUpdateParticipant } from "../api";
import { PARTICIPANT_ROLES, type Participant } from "../types";

const valuesOf = (participant: Participant | null) => ({
  role: participant?.role ?? "member",
  note: participant?.note ?? "",
});

/** Changes a nation's role in the exercise or the note on its participation; only what changed is sent. */
export function ParticipantEditModal({
  exerciseId,
  participant,
  onClose,
}: {
  exerciseId: string;
  participant: Participant | null;
  onClose: () => void;
}) {
  const { t } = useTranslation("operations");
  const update = useUpdateParticipant(exerciseId);
  const form = useForm({ initialValues: valuesOf(participant) });
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset to the participant each time the dialog opens
  useEffect(() => {
    if (!participant) return;
    form.setValues(valuesOf(participant));
    form.resetDirty(valuesOf(participant));
    form.clearErrors();
  }, [participant?.id]);

  const submit = form.onSubmit(async (values) => {
    if (!participant) return;
    const patch = changedFields(form, { role: values.role, note: values.note.trim() || null });
    try {
      if (Object.keys(patch).length) await update.mutateAsync({ id: participant.id, ...patch });
      notifySuccess(t("common:notify.saved"));
      onClose();
    } catch (error) {
      notifyFormError(form, error, t);
    }
  });

  return (
    <Modal
      opened={participant !== null}
      onClose={onClose}
      title={participant ? `${t("authoring.editParticipant")}: ${participant.nation.code}` : ""}
    >
      <form onSubmit={submit} noValidate data-testid="participant-edit-form">
        <Stack>
          <Select
            label={t("authoring.role")}
            allowDeselect={false}
            data={PARTICIPANT_ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
            {...form.getInputProps("role")}
            data-testid="participant-edit-role"
          />
          <Textarea
            label={t("authoring.note")}
            autosize
            minRows={2}
            {...form.getInputProps("note")}
            data-testid="participant-edit-note"
          />
          <Group justify="flex-end">
            <Button type="submit" loading={update.isPending} data-testid="participant-edit-save">
              {t("authoring.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
