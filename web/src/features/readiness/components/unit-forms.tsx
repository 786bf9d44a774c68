import { Checkbox, Select, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { formOutcome, InlineSubmitForm, notifySuccess, optionsUnder } from "../../../shared/ui";
import { useAddDeclaration, useSetUnitProfile } from "../api";
import { UNIT_SIZES, type Unit } from "../types";

export function ProfileForm({ unit }: { unit: Unit }) {
  const { t } = useTranslation("readiness");
  const save = useSetUnitProfile(unit.id);
  const form = useForm({
    initialValues: {
      unitType: unit.unitType ?? "",
      size: unit.size ?? "company",
      echelon: unit.echelon ?? "",
      isHeadquarters: unit.isHeadquarters,
    },
  });
  return (
    <InlineSubmitForm
      data-testid="unit-profile-form"
      onSubmit={form.onSubmit((values) =>
        save.mutate(
          { ...values, echelon: values.echelon || null },
          formOutcome(form, t, () => notifySuccess(t("common:notify.saved"))),
        ),
      )}
      submit={{ label: t("units.saveProfile"), loading: save.isPending }}
      mt="md"
    >
      <TextInput label={t("units.unitType")} {...form.getInputProps("unitType")} />
      <Select
        label={t("units.size")}
        allowDeselect={false}
        data={optionsUnder(t, "sizes", UNIT_SIZES)}
        {...form.getInputProps("size")}
      />
      <TextInput label={t("units.echelon")} {...form.getInputProps("echelon")} />
      <Checkbox
        label={t("units.headquarters")}
        {...form.getInputProps("isHeadquarters", { type: "checkbox" })}
      />
    </InlineSubmitForm>
  );
}

export function DeclarationForm({ unit }: { unit: Unit }) {
  const { t } = useTranslation("readiness");
  const add = useAddDeclaration(unit.id);
  const form = useForm({ initialValues: { poolName: "", declaredFrom: "", declaredTo: "" } });
  return (
    <InlineSubmitForm
      onSubmit={form.onSubmit((values) =>
        add.mutate(
          { ...values, declaredTo: values.declaredTo || null },
          formOutcome(form, t, () => form.reset()),
        ),
      )}
      submit={{ label: t("units.declare"), loading: add.isPending }}
      mt="md"
    >
      <TextInput style={{ flex: 1 }} label={t("units.poolName")} {...form.getInputProps("poolName")} />
      <TextInput type="date" label={t("units.declaredFrom")} {...form.getInputProps("declaredFrom")} />
      <TextInput type="date" label={t("units.declaredTo")} {...form.getInputProps("declaredTo")} />
    </InlineSubmitForm>
  );
}
