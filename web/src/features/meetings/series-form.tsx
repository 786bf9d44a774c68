import { NumberInput, Select, SimpleGrid, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import {
  closeClearing,
  codeInputProps,
  FormDialog,
  optionsUnder,
  pickerProps,
  ReleasabilitySelect,
  RemoteSelect,
  saveForm,
} from "../../shared/ui";
import { FormTextarea } from "../../shared/ui/form-textarea";
import { SERIES_KINDS, searchParties, splitParty, useCreateSeries } from "./api";
import { PartySelect } from "./party-picker";

const EMPTY = {
  code: "",
  kind: "assembly" as string,
  titleEn: "",
  titleAz: "",
  titleRu: "",
  description: "",
  organiser: null as string | null,
  owner: null as string | null,
  sinceYear: "" as number | string,
  releasability: "internal" as string,
};

/** A new meeting series; its owner (by default its organiser) prepares the meetings and records decisions. */
export function SeriesFormModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation("meetings");
  const create = useCreateSeries();
  const form = useForm({
    initialValues: EMPTY,
    validate: {
      code: (value) => (value.trim() ? null : t("authoring.required")),
      titleEn: (value) => (value.trim() ? null : t("authoring.required")),
    },
  });
  const close = closeClearing(form, onClose);

  const submit = form.onSubmit(async (values) => {
    const owner = values.owner ? splitParty(values.owner) : {};
    const aliases = {
      "body.ownerNationId": "body.owner",
      "body.ownerOrganisationId": "body.owner",
      "body.organiserId": "body.organiser",
    };
    const save = () =>
      create.mutateAsync({
        code: values.code.trim(),
        kind: values.kind,
        titleEn: values.titleEn.trim(),
        titleAz: values.titleAz.trim() || null,
        titleRu: values.titleRu.trim() || null,
        description: values.description.trim() || null,
        organiserId: values.organiser ? splitParty(values.organiser).organisationId : null,
        sinceYear: values.sinceYear === "" ? null : Number(values.sinceYear),
        releasability: values.releasability,
        ...(owner.nationId ? { ownerNationId: owner.nationId } : {}),
        ...(owner.organisationId ? { ownerOrganisationId: owner.organisationId } : {}),
      });
    await saveForm(form, t, close, save, aliases);
  });

  return (
    <FormDialog
      opened={opened}
      onClose={close}
      title={t("authoring.newSeries")}
      size="lg"
      onSubmit={submit}
      testId="series-form"
      submit={{ label: t("authoring.save"), loading: create.isPending, testId: "series-save" }}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t("authoring.code")}
          description={t("authoring.codeHint")}
          required
          {...codeInputProps(form)}
          data-testid="series-code"
        />
        <Select
          label={t("authoring.kind")}
          allowDeselect={false}
          data={optionsUnder(t, "authoring.kinds", SERIES_KINDS)}
          {...form.getInputProps("kind")}
          data-testid="series-kind"
        />
        <TextInput
          label={t("authoring.titleEn")}
          required
          {...form.getInputProps("titleEn")}
          data-testid="series-title-en"
        />
        <TextInput label={t("authoring.titleAz")} {...form.getInputProps("titleAz")} />
        <TextInput label={t("authoring.titleRu")} {...form.getInputProps("titleRu")} />
        <NumberInput
          label={t("authoring.sinceYear")}
          min={1950}
          max={2200}
          {...form.getInputProps("sinceYear")}
        />
        <RemoteSelect
          label={t("authoring.organiser")}
          clearable
          queryKey={["meetings", "organisers"]}
          fetchOptions={async (search) =>
            (await searchParties(search)).filter((party) => party.kind === "organisation")
          }
          {...pickerProps(form, "organiser")}
          data-testid="series-organiser"
        />
        <PartySelect
          label={t("authoring.owner")}
          clearable
          {...pickerProps(form, "owner")}
          data-testid="series-owner"
        />
        <ReleasabilitySelect label={t("authoring.releasability")} {...form.getInputProps("releasability")} />
      </SimpleGrid>
      <FormTextarea label={t("authoring.description")} form={form} name="description" />
    </FormDialog>
  );
}
