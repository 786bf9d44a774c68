import { SimpleGrid, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { closeClearing, FormDialog, formSaved } from "../../../shared/ui";
import { useAddAffiliation } from "../api";
import { endNotBeforeStart, recordSelectField, textOrNull } from "../form-values";
import { IsoDateInput } from "./iso-date-input";
import { OrganisationSelect } from "./organisation-select";

interface AffiliationFormValues {
  organisationId: string | null;
  position: string;
  startedOn: string | null;
  endedOn: string | null;
}

/** Records that a person worked at an organisation, in a position, over a period. */
export function AffiliationModal({
  personId,
  opened,
  onClose,
}: {
  personId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation("directory");
  const add = useAddAffiliation(personId);
  const form = useForm<AffiliationFormValues>({
    initialValues: { organisationId: null, position: "", startedOn: null, endedOn: null },
    validate: {
      organisationId: (value) => (value ? null : t("common:errors.required")),
      endedOn: endNotBeforeStart(t("memberships.endBeforeStart")),
    },
  });

  const close = closeClearing(form, onClose);

  const submit = form.onSubmit((values) => {
    add.mutate(
      {
        organisationId: values.organisationId!,
        position: textOrNull(values.position),
        startedOn: values.startedOn || null,
        endedOn: values.endedOn || null,
      },
      formSaved(form, t, close),
    );
  });

  return (
    <FormDialog
      opened={opened}
      onClose={close}
      title={t("affiliations.add")}
      centered
      size="lg"
      onSubmit={submit}
      testId="affiliation-form"
      submit={{ label: t("affiliations.add"), loading: add.isPending, testId: "affiliation-submit" }}
    >
      <OrganisationSelect
        label={t("affiliations.organisation")}
        required
        comboboxProps={{ withinPortal: true }}
        data-testid="affiliation-organisation"
        {...recordSelectField(form, "organisationId")}
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
    </FormDialog>
  );
}
