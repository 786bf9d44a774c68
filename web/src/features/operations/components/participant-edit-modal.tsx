import { NumberInput, Select } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { FormLines, FormTextInput, RemoveLineButton } from "../../../shared/ui";
import { useUpdateParticipant } from "../api";
import { type Contribution, PARTICIPANT_ROLES, type Participant } from "../types";
import { AuthoringDialog } from "./authoring-dialog";
import { useRowEditForm } from "./use-row-edit-form";

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
  const { form, submit } = useRowEditForm(participant, {
    valuesOf,
    body: (values) => ({
      role: values.role,
      note: values.note.trim() || null,
      contributions: values.contributions.map((line) => ({
        kind: line.kind,
        category: line.category.trim(),
        quantity: line.quantity === "" ? 0 : Number(line.quantity),
        ...(line.description.trim() ? { description: line.description.trim() } : {}),
      })),
    }),
    update,
    onClose,
  });

  return (
    <AuthoringDialog
      opened={participant !== null}
      onClose={onClose}
      size="xl"
      title={participant ? `${t("authoring.editParticipant")}: ${participant.nation.code}` : ""}
      onSubmit={submit}
      testId="participant-edit-form"
      note={{
        label: t("authoring.note"),
        input: form.getInputProps("note"),
        testId: "participant-edit-note",
      }}
      save={{ loading: update.isPending, testId: "participant-edit-save" }}
    >
      <Select
        label={t("authoring.role")}
        allowDeselect={false}
        data={PARTICIPANT_ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
        {...form.getInputProps("role")}
        data-testid="participant-edit-role"
      />
      <FormLines
        title={t("authoring.contributions")}
        lines={form.values.contributions}
        align="flex-start"
        wrap="wrap"
        lineTestId={(index) => `contribution-line-${index}`}
        empty={{ label: t("authoring.noContributions"), testId: "participant-edit-no-contributions" }}
        error={form.errors.contributions}
        errorTestId="participant-edit-contributions-error"
        add={{
          label: t("authoring.addContribution"),
          onClick: () =>
            form.insertListItem("contributions", {
              kind: "personnel",
              category: "",
              quantity: "",
              description: "",
            }),
          testId: "contribution-add",
        }}
      >
        {(_line, index) => (
          <>
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
            <FormTextInput
              form={form}
              name={`contributions.${index}.category`}
              label={t("authoring.contributionCategory")}
              required
              w={200}
              testId={`contribution-category-${index}`}
            />
            <NumberInput
              label={t("authoring.contributionQuantity")}
              min={0}
              {...form.getInputProps(`contributions.${index}.quantity`)}
              data-testid={`contribution-quantity-${index}`}
              w={110}
            />
            <FormTextInput
              form={form}
              name={`contributions.${index}.description`}
              label={t("authoring.contributionDescription")}
              style={{ flex: 1 }}
              miw={160}
              testId={`contribution-description-${index}`}
            />
            <RemoveLineButton
              label={t("authoring.removeContribution")}
              onClick={() => form.removeListItem("contributions", index)}
              mt={28}
              testId={`contribution-remove-${index}`}
            />
          </>
        )}
      </FormLines>
    </AuthoringDialog>
  );
}
