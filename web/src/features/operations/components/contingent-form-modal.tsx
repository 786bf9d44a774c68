import { useTranslation } from "react-i18next";
import { usePermissions } from "../../../shared/auth";
import { FormTextInput, pickerProps, ReleasabilitySelect } from "../../../shared/ui";
import { useCreateContingent, useUpdateContingent } from "../api";
import type { ContingentDetail } from "../types";
import { AuthoringDialog } from "./authoring-dialog";
import { NationPicker } from "./nation-picker";
import { refOption } from "./organisation-picker";
import { type RecordDialogProps, useRecordForm } from "./use-record-form";

type ContingentValues = {
  nationId: string | null;
  name: string;
  frameworkUnit: string;
  frameworkNationId: string | null;
  note: string;
  releasability: string;
};

const valuesOf = (contingent: ContingentDetail | undefined, nationId: string | null): ContingentValues => ({
  nationId: contingent?.nation.id ?? nationId,
  name: contingent?.name ?? "",
  frameworkUnit: contingent?.frameworkUnit ?? "",
  frameworkNationId: contingent?.frameworkNation?.id ?? null,
  note: contingent?.note ?? "",
  releasability: contingent?.releasability ?? "restricted",
});

/**
 * A nation's new contingent in an operation (its coordinators, administrators), or the changes to one: only the
 * fields changed are sent; the server's field errors show beside their fields and the input stays.
 */
export function ContingentFormModal({
  operationId,
  contingent,
  ...props
}: { operationId: string; contingent?: ContingentDetail } & RecordDialogProps) {
  const { t } = useTranslation("operations");
  const { user } = usePermissions();
  const create = useCreateContingent();
  const update = useUpdateContingent(contingent?.id ?? "");
  const ownNation = user?.grants.find((grant) => grant.role === "national_coordinator")?.nationId ?? null;
  const required = (value: unknown) => (value ? null : t("authoring.required"));
  const { form, dialog } = useRecordForm(contingent, {
    valuesOf: () => valuesOf(contingent, ownNation),
    validate: { nationId: required, name: (value) => required(value.trim()) },
    body: (values: ContingentValues) => ({
      name: values.name.trim(),
      frameworkUnit: values.frameworkUnit.trim() || null,
      frameworkNationId: values.frameworkNationId,
      note: values.note.trim() || null,
      releasability: values.releasability,
    }),
    create: async (values, body) => {
      const created = await create.mutateAsync({ operationId, nationId: values.nationId, ...body });
      return `/operations/contingents/${created.id}`;
    },
    update: update.mutateAsync,
    ...props,
  });

  return (
    <AuthoringDialog
      {...dialog}
      title={contingent ? t("authoring.editContingent") : t("authoring.newContingent")}
      testId="contingent-form"
      grid={
        <>
          {!contingent && (
            <NationPicker
              label={t("authoring.nation")}
              required
              {...pickerProps(form, "nationId")}
              data-testid="contingent-nation"
            />
          )}
          <FormTextInput
            form={form}
            name="name"
            label={t("authoring.name")}
            required
            testId="contingent-name"
          />
          <FormTextInput
            form={form}
            name="frameworkUnit"
            label={t("authoring.frameworkUnit")}
            testId="contingent-framework-unit"
          />
          <NationPicker
            label={t("authoring.frameworkNation")}
            clearable
            {...pickerProps(form, "frameworkNationId")}
            initialOption={contingent?.frameworkNation ? refOption(contingent.frameworkNation) : null}
          />
          <ReleasabilitySelect
            label={t("authoring.releasability")}
            {...form.getInputProps("releasability")}
          />
        </>
      }
      note={{ label: t("authoring.note"), input: form.getInputProps("note"), testId: "contingent-note" }}
      save={{ loading: create.isPending || update.isPending, testId: "contingent-save" }}
    />
  );
}
