import { NumberInput, Select } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { FormLines, FormTextInput, RemoveLineButton } from "../../../shared/ui";
import { useUpdateRotation } from "../api";
import { type Rotation, STRENGTH_CATEGORIES, type StrengthCategory } from "../types";
import { AuthoringDialog } from "./authoring-dialog";
import { FromUntilInputs } from "./from-until-fields";
import { useRowEditForm } from "./use-row-edit-form";

type RotationValues = {
  slot: string;
  label: string;
  startsOn: string;
  endsOn: string;
  note: string;
  strength: { category: StrengthCategory; count: number | string }[];
};

const valuesOf = (open: Rotation | null): RotationValues => {
  const rotation = open ?? EMPTY;
  return {
    slot: rotation.slot,
    label: rotation.label ?? "",
    startsOn: rotation.startsOn,
    endsOn: rotation.endsOn ?? "",
    note: rotation.note ?? "",
    strength: rotation.strength.map((s) => ({ category: s.category, count: s.count })),
  };
};

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
  const { form, submit } = useRowEditForm(rotation, {
    valuesOf,
    validate: {
      slot: (value) => (value.trim() ? null : t("authoring.required")),
      startsOn: (value) => (value ? null : t("authoring.required")),
    },
    body: (values) => ({
      slot: values.slot.trim(),
      label: values.label.trim() || null,
      startsOn: values.startsOn,
      endsOn: values.endsOn || null,
      note: values.note.trim() || null,
      strength: values.strength
        .filter((line) => line.count !== "")
        .map((line) => ({ category: line.category, count: Number(line.count) })),
    }),
    update,
    onClose,
  });

  const lines = form.values.strength;
  return (
    <AuthoringDialog
      opened={rotation !== null}
      onClose={onClose}
      title={t("authoring.editRotation")}
      onSubmit={submit}
      testId="rotation-edit-form"
      grid={
        <>
          <FormTextInput form={form} name="label" label={t("contingents.label")} />
          <FormTextInput form={form} name="slot" label={t("contingents.slot")} required />
          <FromUntilInputs form={form} testIds={["rotation-edit-starts", "rotation-edit-ends"]} />
        </>
      }
      note={{ label: t("authoring.note"), input: form.getInputProps("note") }}
      save={{ loading: update.isPending, testId: "rotation-edit-save" }}
    >
      <FormLines
        title={t("authoring.strength")}
        lines={lines}
        align="flex-end"
        wrap="nowrap"
        error={form.errors.strength}
        add={{
          label: t("contingents.strength"),
          onClick: () => {
            const unused = STRENGTH_CATEGORIES.find((c) => !lines.some((l) => l.category === c));
            if (unused) form.insertListItem("strength", { category: unused, count: "" });
          },
        }}
      >
        {(_line, index) => (
          <>
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
          </>
        )}
      </FormLines>
    </AuthoringDialog>
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
