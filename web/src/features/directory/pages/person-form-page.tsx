import { MultiSelect, SimpleGrid, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import type { ReleasabilityLevel } from "../../../shared/api";
import { useFormat } from "../../../shared/i18n/format";
import { FormTextInput, pickerProps, ReleasabilitySelect } from "../../../shared/ui";
import { usePerson, useSavePerson } from "../api";
import { NationSelect, nationOption } from "../components/nation-select";
import { OrganisationSelect } from "../components/organisation-select";
import { RecordForm, useRecordForm } from "../components/record-form";
import { RecordFormPage } from "../components/record-form-page";
import { textOrNull } from "../form-values";
import { languageName, SPOKEN_LANGUAGES } from "../languages";
import type { PersonDetail, PersonInput } from "../types";

interface PersonFormValues {
  givenName: string;
  familyName: string;
  rankTitle: string;
  nationId: string | null;
  email: string;
  phone: string;
  languages: string[];
  organisationId: string | null;
  position: string;
  releasability: ReleasabilityLevel;
}

/** The person's name, in a row: rank or title, given name, family name. */
const NAME_FIELDS = [
  { name: "rankTitle", required: false, testId: "person-rank-title" },
  { name: "givenName", required: true, testId: "person-given-name" },
  { name: "familyName", required: true, testId: "person-family-name" },
] as const;

function PersonForm({ person }: { person?: PersonDetail }) {
  const { t } = useTranslation("directory");
  const { language } = useFormat();
  const save = useSavePerson(person?.id);
  const required = (value: string) => (value.trim() ? null : t("common:errors.required"));
  const form = useForm<PersonFormValues, Partial<PersonInput>>({
    initialValues: {
      givenName: person?.givenName ?? "",
      familyName: person?.familyName ?? "",
      rankTitle: person?.rankTitle ?? "",
      nationId: person?.nationId ?? null,
      email: person?.email ?? "",
      phone: person?.phone ?? "",
      languages: person?.languages ?? [],
      organisationId: null,
      position: "",
      releasability: person?.releasability ?? "internal",
    },
    validate: {
      givenName: required,
      familyName: required,
      nationId: (value) => (value ? null : t("common:errors.required")),
      email: (value) =>
        !value.trim() || /^\S+@\S+\.\S+$/.test(value.trim()) ? null : t("people.emailInvalid"),
    },
    transformValues: (values) => {
      const input: Partial<PersonInput> = {
        givenName: values.givenName.trim(),
        familyName: values.familyName.trim(),
        rankTitle: textOrNull(values.rankTitle),
        nationId: values.nationId ?? undefined,
        email: textOrNull(values.email),
        phone: textOrNull(values.phone),
        languages: values.languages,
        releasability: values.releasability,
      };
      // The first affiliation can be given on create; later ones are added on the person's page.
      if (!person && values.organisationId) {
        input.organisationId = values.organisationId;
        input.position = textOrNull(values.position);
      }
      return input;
    },
  });

  const record = useRecordForm({ section: "people", recordId: person?.id, form, save });

  return (
    <RecordForm {...record}>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {NAME_FIELDS.map(({ name, required, testId }) => (
          <FormTextInput
            key={name}
            label={t(`people.${name}`)}
            required={required}
            form={form}
            name={name}
            testId={testId}
          />
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NationSelect
          label={t("people.nation")}
          required
          initialOption={person ? nationOption(person.nation, language) : null}
          data-testid="person-nation"
          {...pickerProps(form, "nationId")}
        />
        <ReleasabilitySelect
          label={t("common:releasability.label")}
          required
          data-testid="person-releasability"
          {...form.getInputProps("releasability")}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <FormTextInput
          label={t("people.email")}
          type="email"
          form={form}
          name="email"
          testId="person-email"
        />
        <FormTextInput label={t("people.phone")} type="tel" form={form} name="phone" testId="person-phone" />
      </SimpleGrid>
      <MultiSelect
        label={t("people.languages")}
        searchable
        data={SPOKEN_LANGUAGES.map((code) => ({ value: code, label: languageName(code, language) }))}
        data-testid="person-languages"
        {...form.getInputProps("languages")}
      />
      {!person && (
        <>
          <Title order={2} size="h5" mt="sm">
            {t("affiliations.title")}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <OrganisationSelect
              label={t("people.firstOrganisation")}
              data-testid="person-organisation"
              {...pickerProps(form, "organisationId")}
            />
            <TextInput
              label={t("people.position")}
              data-testid="person-position"
              disabled={!form.values.organisationId}
              {...form.getInputProps("position")}
            />
          </SimpleGrid>
        </>
      )}
    </RecordForm>
  );
}

/** `/people/new` and `/people/:id/edit`. */
export function PersonFormPage() {
  return (
    <RecordFormPage
      section="people"
      useRecord={usePerson}
      name={(person) => `${person.givenName} ${person.familyName}`}
    >
      {(record) => <PersonForm person={record} />}
    </RecordFormPage>
  );
}
