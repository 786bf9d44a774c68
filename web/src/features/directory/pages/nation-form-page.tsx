import { Checkbox, Paper, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { localName, useFormat } from "../../../shared/i18n/format";
import { formOutcome, notifySuccess } from "../../../shared/ui";
import { useNation, useSaveNation } from "../api";
import { FormActions } from "../components/form-actions";
import { LocalNameFields } from "../components/local-name-fields";
import { RecordFormPage } from "../components/record-form-page";
import type { Nation, NationInput } from "../types";

function NationForm({ nation }: { nation?: Nation }) {
  const { t } = useTranslation("directory");
  const navigate = useNavigate();
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

  const submit = form.onSubmit((values) => {
    // An edit sends only the fields the user changed.
    const input = nation
      ? Object.fromEntries(Object.entries(values).filter(([key]) => form.isDirty(key as keyof typeof values)))
      : values;
    if (nation && Object.keys(input).length === 0) {
      navigate(`/nations/${nation.id}`);
      return;
    }
    save.mutate(
      input,
      formOutcome(form, t, (saved) => {
        notifySuccess(t(nation ? "common:notify.saved" : "common:notify.created"));
        navigate(`/nations/${saved.id}`);
      }),
    );
  });

  return (
    <Paper withBorder p="lg" radius="md" maw={720}>
      <form onSubmit={submit} noValidate data-testid="nation-form">
        <Stack>
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
          <LocalNameFields form={form} labels="nations" testIdPrefix="nation" allRequired />
          <FormActions
            testIdPrefix="nation"
            saving={save.isPending}
            cancelTo={nation ? `/nations/${nation.id}` : "/nations"}
          />
        </Stack>
      </form>
    </Paper>
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
