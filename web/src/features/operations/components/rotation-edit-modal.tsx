import { Group, NumberInput, Select, SimpleGrid, Text, Textarea, TextInput } from "@mantine/core";
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
import { useUpdateRotation } from "../api";
import { type Rotation, STRENGTH_CATEGORIES, type StrengthCategory } from "../types";

interface RotationValues {
  slot: string;
  label: string;
  startsOn: string;
  endsOn: string;
  note: string;
  strength: { category: StrengthCategory; count: number | string }[];
}

const valuesOf = (rotation: Rotation): RotationValues => ({
  slot: rotation.slot,
  label: rotation.label ?? "",
  startsOn: rotation.startsOn,
  endsOn: rotation.endsOn ?? "",
  note: rotation.note ?? "",
  strength: rotation.strength.map((s) => ({ category: s.category, count: s.count })),
});

/** Corrects a rotation: its dates, label, note and strength by category; only the changed fields are sent. */
export function RotationEditModal({
  contingentId,
  rotation,
  onClose,
}: {
  contingentId: string;
  rotation: Rotation | null;
  onClose: () => void;
}) {
  const { t } = useTranslation("operations");
  const update = useUpdateRotation(contingentId);
  const form = useForm<RotationValues>({
    initialValues: rotation ? valuesOf(rotation) : valuesOf(EMPTY),
    validate: {
      slot: (value) => (value.trim() ? null : t("authoring.required")),
      startsOn: (value) => (value ? null : t("authoring.required")),
    },
  });
  useFormReset(form, rotation?.id, () => valuesOf(rotation!));

  const submit = form.onSubmit(async (values) => {
    if (!rotation) return;
    const patch = changedFields(form, {
      slot: values.slot.trim(),
      label: values.label.trim() || null,
      startsOn: values.startsOn,
      endsOn: values.endsOn || null,
      note: values.note.trim() || null,
      strength: values.strength
        .filter((line) => line.count !== "")
        .map((line) => ({ category: line.category, count: Number(line.count) })),
    });
    await saveChanges(form, t, onClose, patch, (changes) =>
      update.mutateAsync({ id: rotation.id, ...changes }),
    );
  });

  const lines = form.values.strength;
  return (
    <FormModal
      opened={rotation !== null}
      onClose={onClose}
      title={t("authoring.editRotation")}
      size="lg"
      onSubmit={submit}
      testId="rotation-edit-form"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t("contingents.label")} {...form.getInputProps("label")} />
        <TextInput label={t("contingents.slot")} required {...form.getInputProps("slot")} />
        <TextInput
          type="date"
          required
          label={t("contingents.from")}
          {...form.getInputProps("startsOn")}
          data-testid="rotation-edit-starts"
        />
        <TextInput
          type="date"
          label={t("contingents.until")}
          {...form.getInputProps("endsOn")}
          data-testid="rotation-edit-ends"
        />
      </SimpleGrid>
      <Text size="sm" fw={600}>
        {t("authoring.strength")}
      </Text>
      {lines.map((_line, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity but their place
        <Group key={index} align="flex-end" wrap="nowrap">
          <Select
            aria-label={t("contingents.strength")}
            allowDeselect={false}
            data={STRENGTH_CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }))}
            {...form.getInputProps(`strength.${index}.category`)}
            w={240}
          />
          <NumberInput
            aria-label={t("matrix.quantity")}
            min={0}
            {...form.getInputProps(`strength.${index}.count`)}
            data-testid={`rotation-edit-count-${index}`}
            w={120}
          />
          <RemoveLineButton onClick={() => form.removeListItem("strength", index)} mb={4} />
        </Group>
      ))}
      {form.errors.strength && (
        <Text size="sm" c="red">
          {form.errors.strength}
        </Text>
      )}
      <Group>
        <SmallAddButton
          variant="subtle"
          onClick={() => {
            const unused = STRENGTH_CATEGORIES.find((c) => !lines.some((l) => l.category === c));
            if (unused) form.insertListItem("strength", { category: unused, count: "" });
          }}
        >
          {t("contingents.strength")}
        </SmallAddButton>
      </Group>
      <Textarea label={t("authoring.note")} autosize minRows={2} {...form.getInputProps("note")} />
      <FormButtons submit={t("authoring.save")} loading={update.isPending} testId="rotation-edit-save" />
    </FormModal>
  );
}

const EMPTY: Rotation = {
  id: "",
  slot: "",
  label: null,
  startsOn: "",
  startPrecision: "day",
  endsOn: null,
  sample: false,
  note: null,
  strength: [],
  total: 0,
};
