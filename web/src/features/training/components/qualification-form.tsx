import { NumberInput, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../../shared/api";
import { FormButtons, FormModal, saveForm } from "../../../shared/ui";
import { trainingKeys } from "../api";
import type { Titles } from "../types";

export interface QualificationValue {
  code: string;
  name: Titles;
  validityYears: number;
}

const valuesOf = (q?: QualificationValue) => ({
  code: q?.code ?? "",
  name: { en: q?.name.en ?? "", az: q?.name.az ?? "", ru: q?.name.ru ?? "" },
  validityYears: (q?.validityYears ?? "") as number | string,
});

/**
 * Defines a qualification (code, names, validity) or edits one (names, validity; the code never changes). Only
 * what changed is sent; the server's field errors (a code taken: 409 on body.code) appear beside the field.
 */
export function QualificationForm({
  existing,
  onClose,
  onSaved,
}: {
  existing?: QualificationValue;
  onClose: () => void;
  onSaved?: (qualification: QualificationValue) => void;
}) {
  const { t } = useTranslation("training");
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: valuesOf(existing),
    validate: {
      code: (value) => (existing || value.trim() ? null : t("authoring.required")),
      name: { en: (value) => (value.trim() ? null : t("authoring.required")) },
      validityYears: (value) => (typeof value === "number" ? null : t("authoring.required")),
    },
  });
  const submit = form.onSubmit(async (values) => {
    const name = {
      en: values.name.en.trim(),
      az: values.name.az.trim() || null,
      ru: values.name.ru.trim() || null,
    };
    const nameChanged = ["name.en", "name.az", "name.ru"].some((key) => form.isDirty(key));
    const patch = {
      ...(nameChanged ? { name } : {}),
      ...(form.isDirty("validityYears") ? { validityYears: values.validityYears } : {}),
    };
    if (existing && Object.keys(patch).length === 0) return onClose();
    let saved: QualificationValue;
    const then = () => {
      onSaved?.(saved);
      onClose();
    };
    await saveForm(form, t, then, async () => {
      saved = existing
        ? await api.patch<QualificationValue>(
            `/api/training/qualifications/${encodeURIComponent(existing.code)}`,
            patch,
          )
        : await api.post<QualificationValue>("/api/training/qualifications", {
            code: values.code.trim(),
            name,
            validityYears: values.validityYears,
          });
      await queryClient.invalidateQueries({ queryKey: trainingKeys.all });
    });
  });
  return (
    <FormModal
      opened
      onClose={onClose}
      title={existing ? t("authoring.editQualification") : t("authoring.newQualification")}
      onSubmit={submit}
      testId="qualification-form"
    >
      <TextInput
        required
        label={t("authoring.code")}
        disabled={Boolean(existing)}
        {...form.getInputProps("code")}
        onChange={(event) => form.setFieldValue("code", event.currentTarget.value.toUpperCase())}
        data-testid="qualification-code"
      />
      <TextInput
        required
        label={t("authoring.nameEn")}
        {...form.getInputProps("name.en")}
        data-testid="qualification-name-en"
      />
      <TextInput label={t("authoring.nameAz")} {...form.getInputProps("name.az")} />
      <TextInput label={t("authoring.nameRu")} {...form.getInputProps("name.ru")} />
      <NumberInput
        required
        min={1}
        max={50}
        label={t("authoring.validityYears")}
        {...form.getInputProps("validityYears")}
        data-testid="qualification-validity"
      />
      <FormButtons submit={t("authoring.save")} loading={form.submitting} testId="qualification-save" />
    </FormModal>
  );
}
