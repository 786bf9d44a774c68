import { TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { codeInputProps, FormTextInput, pickerProps } from "../../../shared/ui";
import { useCreateOperation, useUpdateOperation } from "../api";
import type { Operation } from "../types";
import { AuthoringDialog } from "./authoring-dialog";
import { FromUntilInputs } from "./from-until-fields";
import { OrganisationPicker, refOption } from "./organisation-picker";
import { type RecordDialogProps, useRecordForm } from "./use-record-form";

type OperationValues = {
  code: string;
  name: string;
  leadOrganisationId: string | null;
  startsOn: string;
  endsOn: string;
  description: string;
  source: string;
};

const valuesOf = (operation?: Operation): OperationValues => ({
  code: operation?.code ?? "",
  name: operation?.name ?? "",
  leadOrganisationId: operation?.leadOrganisation.id ?? null,
  startsOn: operation?.startsOn ?? "",
  endsOn: operation?.endsOn ?? "",
  description: operation?.description ?? "",
  source: operation?.source ?? "",
});

/**
 * A new operation (administrators), or the changes to one (its lead organisation's managers): only the fields
 * changed are sent; the server's field errors show beside their fields and the input stays.
 */
export function OperationFormModal({ operation, ...props }: { operation?: Operation } & RecordDialogProps) {
  const { t } = useTranslation("operations");
  const create = useCreateOperation();
  const update = useUpdateOperation(operation?.id ?? "");
  const required = (value: unknown) => (value ? null : t("authoring.required"));
  const { form, dialog } = useRecordForm(operation, {
    valuesOf: () => valuesOf(operation),
    validate: {
      code: required,
      name: (value) => required(value.trim()),
      leadOrganisationId: required,
      startsOn: required,
    },
    body: (values: OperationValues) => ({
      code: values.code.trim(),
      name: values.name.trim(),
      leadOrganisationId: values.leadOrganisationId,
      startsOn: values.startsOn,
      endsOn: values.endsOn || null,
      description: values.description.trim() || null,
      source: values.source.trim() || null,
    }),
    create: async (_values, body) => `/operations/${(await create.mutateAsync(body)).id}`,
    update: update.mutateAsync,
    ...props,
  });

  return (
    <AuthoringDialog
      {...dialog}
      title={operation ? t("authoring.editOperation") : t("authoring.newOperation")}
      testId="operation-form"
      grid={
        <>
          <TextInput
            label={t("authoring.code")}
            description={t("form.codeHint")}
            required
            {...codeInputProps(form)}
            data-testid="operation-code"
          />
          <FormTextInput
            form={form}
            name="name"
            label={t("authoring.name")}
            required
            testId="operation-name"
          />
          <OrganisationPicker
            label={t("authoring.lead")}
            required
            {...pickerProps(form, "leadOrganisationId")}
            initialOption={operation ? refOption(operation.leadOrganisation) : null}
            data-testid="operation-lead"
          />
          <FormTextInput form={form} name="source" label={t("authoring.source")} />
          <FromUntilInputs form={form} words="startsEnds" testIds={["operation-starts", "operation-ends"]} />
        </>
      }
      note={{
        label: t("authoring.description"),
        input: form.getInputProps("description"),
        testId: "operation-description",
      }}
      save={{ loading: create.isPending || update.isPending, testId: "operation-save" }}
    />
  );
}
