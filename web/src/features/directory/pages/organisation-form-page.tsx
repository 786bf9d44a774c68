import { NumberInput, Select, SimpleGrid, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { localName, useFormat } from "../../../shared/i18n/format";
import { FormTextInput, pickerProps } from "../../../shared/ui";
import { useOrganisation, useSaveOrganisation } from "../api";
import { IsoDateInput } from "../components/iso-date-input";
import { LocalNameFields } from "../components/local-name-fields";
import { NationSelect, nationOption } from "../components/nation-select";
import { OrganisationSelect, organisationOption } from "../components/organisation-select";
import { RecordForm, useRecordForm } from "../components/record-form";
import { RecordFormPage } from "../components/record-form-page";
import { textOrNull } from "../form-values";
import {
  INSTITUTION_KINDS,
  ORGANISATION_KINDS_INTERNATIONAL,
  type OrganisationDetail,
  type OrganisationInput,
  type OrganisationKind,
} from "../types";

interface OrganisationFormValues {
  code: string;
  nameEn: string;
  nameAz: string;
  nameRu: string;
  kind: OrganisationKind | "";
  nationId: string | null;
  parentId: string | null;
  city: string;
  foundingAct: string;
  foundedOn: string | null;
  charterYear: number | "";
  website: string;
}

function OrganisationForm({ organisation }: { organisation?: OrganisationDetail }) {
  const { t } = useTranslation("directory");
  const { language } = useFormat();
  const save = useSaveOrganisation(organisation?.id);
  const form = useForm<OrganisationFormValues, OrganisationInput>({
    initialValues: {
      code: organisation?.code ?? "",
      nameEn: organisation?.nameEn ?? "",
      nameAz: organisation?.nameAz ?? "",
      nameRu: organisation?.nameRu ?? "",
      kind: organisation?.kind ?? "",
      nationId: organisation?.nationId ?? null,
      parentId: organisation?.parentId ?? null,
      city: organisation?.city ?? "",
      foundingAct: organisation?.foundingAct ?? "",
      foundedOn: organisation?.foundedOn ?? null,
      charterYear: organisation?.charterYear ?? "",
      website: organisation?.website ?? "",
    },
    validate: {
      code: (value) =>
        !value.trim()
          ? t("common:errors.required")
          : /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/.test(value.trim())
            ? null
            : t("organisations.codeInvalid"),
      nameEn: (value) => (value.trim() ? null : t("common:errors.required")),
      kind: (value) => (value ? null : t("common:errors.required")),
      website: (value) =>
        !value.trim() || /^https?:\/\/\S+$/i.test(value.trim()) ? null : t("organisations.websiteInvalid"),
    },
    transformValues: (values) => ({
      code: values.code.trim().toUpperCase(),
      nameEn: values.nameEn.trim(),
      nameAz: textOrNull(values.nameAz),
      nameRu: textOrNull(values.nameRu),
      kind: values.kind as OrganisationKind,
      nationId: values.nationId,
      parentId: values.parentId,
      city: textOrNull(values.city),
      foundingAct: textOrNull(values.foundingAct),
      foundedOn: values.foundedOn || null,
      charterYear: values.charterYear === "" ? null : Number(values.charterYear),
      website: textOrNull(values.website),
    }),
  });

  const record = useRecordForm({
    section: "organisations",
    recordId: organisation?.id,
    form,
    save,
    editSendsAll: true,
  });

  const kindGroups = [
    {
      group: t("organisations.categories.organisation"),
      items: ORGANISATION_KINDS_INTERNATIONAL.map((kind) => ({
        value: kind,
        label: t(`organisationKinds.${kind}`),
      })),
    },
    {
      group: t("organisations.categories.institution"),
      items: [...INSTITUTION_KINDS, "other" as const].map((kind) => ({
        value: kind,
        label: t(`organisationKinds.${kind}`),
      })),
    },
  ];

  return (
    <RecordForm {...record}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <FormTextInput
          label={t("organisations.code")}
          description={t("organisations.codeHint")}
          required
          form={form}
          name="code"
          testId="organisation-code"
        />
        <Select
          label={t("organisations.kind")}
          required
          searchable
          data={kindGroups}
          data-testid="organisation-kind"
          {...form.getInputProps("kind")}
        />
      </SimpleGrid>
      <LocalNameFields form={form} labels="organisations" />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NationSelect
          label={t("organisations.nation")}
          placeholder={t("international")}
          initialOption={organisation?.nation ? nationOption(organisation.nation, language) : null}
          data-testid="organisation-nation"
          {...pickerProps(form, "nationId")}
        />
        <OrganisationSelect
          label={t("organisations.parent")}
          excludeId={organisation?.id}
          initialOption={organisation?.parent ? organisationOption(organisation.parent, language) : null}
          data-testid="organisation-parent"
          {...pickerProps(form, "parentId")}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <FormTextInput label={t("organisations.city")} form={form} name="city" testId="organisation-city" />
        <IsoDateInput
          label={t("organisations.foundedOn")}
          data-testid="organisation-founded-on"
          {...form.getInputProps("foundedOn")}
        />
        <NumberInput
          label={t("organisations.charterYear")}
          min={1800}
          max={2100}
          allowDecimal={false}
          allowNegative={false}
          thousandSeparator={false}
          data-testid="organisation-charter-year"
          {...form.getInputProps("charterYear")}
        />
      </SimpleGrid>
      <Textarea
        label={t("organisations.foundingAct")}
        autosize
        minRows={2}
        data-testid="organisation-founding-act"
        {...form.getInputProps("foundingAct")}
      />
      <FormTextInput
        label={t("organisations.website")}
        type="url"
        placeholder="https://"
        form={form}
        name="website"
        testId="organisation-website"
      />
    </RecordForm>
  );
}

/** `/organisations/new` and `/organisations/:id/edit`. */
export function OrganisationFormPage() {
  const { language } = useFormat();
  return (
    <RecordFormPage
      section="organisations"
      useRecord={useOrganisation}
      name={(organisation) => localName(organisation, language)}
    >
      {(record) => <OrganisationForm organisation={record} />}
    </RecordFormPage>
  );
}
