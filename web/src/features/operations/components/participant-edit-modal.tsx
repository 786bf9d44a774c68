import { Group, NumberInput, Select, Text, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { changedFields } from "../../../shared/api";
import {
  FormButtons,
  FormModal,
  RemoveLineButton,
  SmallAddButton,
  saveChanges,
  useFormReset,
} from "../../../shared/ui";
import { useUpdateParticipant } from "../api";
import { type Contribution, PARTICIPANT_ROLES, type Participant } from "../types";

const CONTRIBUTION_KINDS = ["personnel", "unit", "equipment"] as const;

interface ContributionLine {
  kind: Contribution["kind"];
  category: string;
  quantity: number | string;
  description: string;
}

const valuesOf = (participant: Participant | null) => ({
  role: participant?.role ?? "member",
  note: participant?.note ?? "",
  contributions: (participant?.contributions ?? []).map(
    (c): ContributionLine => ({
      kind: c.kind,
      category: c.category,
      quantity: c.quantity,
      description: c.description ?? "",
    }),
  ),
});

/**
 * Changes a nation's role in the exercise, the note on its participation and what it contributes (personnel by
 * category, units, equipment: lines edited, added and removed; the server replaces the list). Only what changed
 * is sent.
 */
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
  useFormReset(form, participant?.id, () => valuesOf(participant));

  const submit = form.onSubmit(async (values) => {
    if (!participant) return;
    const patch = changedFields(form, {
      role: values.role,
      note: values.note.trim() || null,
      contributions: values.contributions.map((line) => ({
        kind: line.kind,
        category: line.category.trim(),
        quantity: line.quantity === "" ? 0 : Number(line.quantity),
        ...(line.description.trim() ? { description: line.description.trim() } : {}),
      })),
    });
    await saveChanges(form, t, onClose, patch, (changes) =>
      update.mutateAsync({ id: participant.id, ...changes }),
    );
  });

  const lines = form.values.contributions;
  return (
    <FormModal
      opened={participant !== null}
      onClose={onClose}
      size="xl"
      title={participant ? `${t("authoring.editParticipant")}: ${participant.nation.code}` : ""}
      onSubmit={submit}
      testId="participant-edit-form"
    >
      <Select
        label={t("authoring.role")}
        allowDeselect={false}
        data={PARTICIPANT_ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
        {...form.getInputProps("role")}
        data-testid="participant-edit-role"
      />
      <Text size="sm" fw={600}>
        {t("authoring.contributions")}
      </Text>
      {lines.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="participant-edit-no-contributions">
          {t("authoring.noContributions")}
        </Text>
      )}
      {lines.map((_line, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity but their place
        <Group key={index} align="flex-start" wrap="wrap" data-testid={`contribution-line-${index}`}>
          <Select
            label={t("authoring.contributionKind")}
            allowDeselect={false}
            data={CONTRIBUTION_KINDS.map((kind) => ({
              value: kind,
              label: t(`authoring.contributionKinds.${kind}`),
            }))}
            {...form.getInputProps(`contributions.${index}.kind`)}
            data-testid={`contribution-kind-${index}`}
            w={150}
          />
          <TextInput
            label={t("authoring.contributionCategory")}
            required
            {...form.getInputProps(`contributions.${index}.category`)}
            data-testid={`contribution-category-${index}`}
            w={200}
          />
          <NumberInput
            label={t("authoring.contributionQuantity")}
            min={0}
            {...form.getInputProps(`contributions.${index}.quantity`)}
            data-testid={`contribution-quantity-${index}`}
            w={110}
          />
          <TextInput
            label={t("authoring.contributionDescription")}
            {...form.getInputProps(`contributions.${index}.description`)}
            data-testid={`contribution-description-${index}`}
            style={{ flex: 1 }}
            miw={160}
          />
          <RemoveLineButton
            label={t("authoring.removeContribution")}
            onClick={() => form.removeListItem("contributions", index)}
            mt={28}
            testId={`contribution-remove-${index}`}
          />
        </Group>
      ))}
      {form.errors.contributions && (
        <Text size="sm" c="red" data-testid="participant-edit-contributions-error">
          {form.errors.contributions}
        </Text>
      )}
      <Group>
        <SmallAddButton
          variant="subtle"
          onClick={() =>
            form.insertListItem("contributions", {
              kind: "personnel",
              category: "",
              quantity: "",
              description: "",
            })
          }
          testId="contribution-add"
        >
          {t("authoring.addContribution")}
        </SmallAddButton>
      </Group>
      <Textarea
        label={t("authoring.note")}
        autosize
        minRows={2}
        {...form.getInputProps("note")}
        data-testid="participant-edit-note"
      />
      <FormButtons submit={t("authoring.save")} loading={update.isPending} testId="participant-edit-save" />
    </FormModal>
  );
}
