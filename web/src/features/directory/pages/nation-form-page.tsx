import { Checkbox, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { localName, useFormat } from "../../../shared/i18n/format";
import { useNation, useSaveNation } from "../api";
import { LocalNameFields } from "../components/local-name-fields";
import { RecordForm, useRecordForm } from "../components/record-form";
import { RecordFormPage } from "../components/record-form-page";
import type { Nation, NationInput } from "../types";

function NationForm({ nation }: { nation?: Nation }) {
  const { t } = useTranslation("directory");
  const save = useSaveNation(nation?.id);
  const required = (value: string) => (value.trim() ? null : t("common:errors.required"));
  const form = useForm<NationInput>({
    initialValues: {
      code: nation?.code ?? "",
      nameEn: nation?.nameEn ?? "",
      nameAz: nation?.nameAz ?? "",
      nameRu: nation?.nameRu ?? "",
      nonIsoCode: nation?.nonIsoCode ?? false,
    },
    transformValues: (values) => ({
      code: values.code.trim().toUpperCase(),
      nameEn: values.nameEn.trim(),
      nameAz: values.nameAz.trim(),
      nameRu: values.nameRu.trim(),
      nonIsoCode: values.nonIsoCode,
    }),
    validate: {
      code: (value) => (/^[A-Za-z]{3}$/.test(value.trim()) ? null : t("nations.codeInvalid")),
      nameEn: required,
      nameAz: required,
      nameRu: required,
    },
  });

  const record = useRecordForm({ section: "nations", recordId: nation?.id, form, save });

  return (
    <RecordForm {...record} maw={720}>
      <TextInput
        label={t("nations.code")}
        description={t("nations.codeHint")}
        required
        maxLength={3}
        w={160}
        data-testid="nation-code"
        {...form.getInputProps("code")}
      />
      <Checkbox
        label={t("nations.nonIsoCode")}
        description={t("nations.nonIsoCodeHint")}
        data-testid="nation-non-iso-code"
        {...form.getInputProps("nonIsoCode", { type: "checkbox" })}
      />
      <LocalNameFields form={form} labels="nations" allRequired />
    </RecordForm>
  );
}

/** `/nations/new` and `/nations/:id/edit`. */
export function NationFormPage() {
  const { language } = useFormat();
  return (
    <RecordFormPage section="nations" useRecord={useNation} name={(nation) => localName(nation, language)}>
      {(record) => <NationForm nation={record} />}
    </RecordFormPage>
  );
}
