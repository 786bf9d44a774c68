import { SimpleGrid, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { pickerProps } from "../../../shared/ui";
import { useAddAffiliation } from "../api";
import { endNotBeforeStart, textOrNull } from "../form-values";
import { type AddDialogProps, AddRecordDialog } from "./add-record-dialog";
import { IsoDateInput } from "./iso-date-input";
import { OrganisationSelect } from "./organisation-select";

interface AffiliationFormValues {
  organisationId: string | null;
  position: string;
  startedOn: string | null;
  endedOn: string | null;
}

/** Records that a person worked at an organisation, in a position, over a period. */
export function AffiliationModal({ personId, ...dialog }: AddDialogProps & { personId: string }) {
  const { t } = useTranslation("directory");
  const add = useAddAffiliation(personId);
  const form = useForm<AffiliationFormValues>({
    initialValues: { organisationId: null, position: "", startedOn: null, endedOn: null },
    validate: {
      organisationId: (value) => (value ? null : t("common:errors.required")),
      endedOn: endNotBeforeStart(t("memberships.endBeforeStart")),
    },
  });

  return (
    <AddRecordDialog
      {...dialog}
      title={t("affiliations.add")}
      name="affiliation"
      form={form}
      add={add}
      payload={(values) => ({
        organisationId: values.organisationId!,
        position: textOrNull(values.position),
        startedOn: values.startedOn || null,
        endedOn: values.endedOn || null,
      })}
    >
      <OrganisationSelect
        label={t("affiliations.organisation")}
        required
        comboboxProps={{ withinPortal: true }}
        data-testid="affiliation-organisation"
        {...pickerProps(form, "organisationId")}
      />
      <TextInput
        label={t("affiliations.position")}
        data-testid="affiliation-position"
        {...form.getInputProps("position")}
      />
      <SimpleGrid cols={2}>
        <IsoDateInput label={t("affiliations.startedOn")} {...form.getInputProps("startedOn")} />
        <IsoDateInput label={t("affiliations.endedOn")} {...form.getInputProps("endedOn")} />
      </SimpleGrid>
    </AddRecordDialog>
  );
}
