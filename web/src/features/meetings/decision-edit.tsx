import { Group, Select, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { FormButtons, FormModal, optionsUnder, saveChanges, useFormReset } from "../../shared/ui";
import { FormTextarea } from "../../shared/ui/form-textarea";
import { type Decision, useUpdateDecision } from "./api";

const LANGUAGES = ["ru", "en", "az", "kk", "ky", "tg", "uz", "hy", "be"];
const TRANSLATION_STATUSES = ["original", "official", "pending", "unofficial"] as const;

interface DecisionValues {
  title: string;
  texts: { language: string; body: string; translationStatus: string }[];
}

const valuesOf = (decision: Decision | null): DecisionValues => ({
  title: decision?.title ?? "",
  texts: (decision?.texts ?? []).map((text) => ({ ...text })),
});

/**
 * A decision's title and its language versions (a version corrected, or a translation added). Only what changed
 * is sent: the title, and the texts when any of them changed.
 */
export function DecisionEditModal({ decision, onClose }: { decision: Decision | null; onClose: () => void }) {
  const { t } = useTranslation("meetings");
  const update = useUpdateDecision();
  const form = useForm<DecisionValues>({ initialValues: valuesOf(decision) });
  useFormReset(form, decision?.id, () => valuesOf(decision));

  const submit = form.onSubmit(async (values) => {
    if (!decision) return;
    const patch = {
      ...(form.isDirty("title") ? { title: values.title.trim() } : {}),
      ...(form.isDirty("texts") ? { texts: values.texts.filter((text) => text.body.trim()) } : {}),
    };
    await saveChanges(form, t, onClose, patch, (changes) =>
      update.mutateAsync({ id: decision.id, ...changes }),
    );
  });

  const used = form.values.texts.map((text) => text.language);
  return (
    <FormModal
      opened={decision !== null}
      onClose={onClose}
      title={decision ? t("authoring.editDecision", { reference: decision.reference }) : ""}
      size="lg"
      onSubmit={submit}
      testId="decision-edit-form"
    >
      <TextInput
        label={t("meeting.decisionTitle")}
        {...form.getInputProps("title")}
        data-testid="decision-edit-title"
      />
      {form.values.texts.map((text, index) => (
        <Stack key={text.language} gap={4}>
          <Group grow>
            <TextInput label={t("meeting.language")} value={text.language} readOnly />
            <Select
              label={t("meeting.translation")}
              allowDeselect={false}
              data={optionsUnder(t, "translation", TRANSLATION_STATUSES)}
              {...form.getInputProps(`texts.${index}.translationStatus`)}
            />
          </Group>
          <FormTextarea
            label={t("meeting.text")}
            form={form}
            name={`texts.${index}.body`}
            testId={`decision-edit-text-${text.language}`}
          />
        </Stack>
      ))}
      <Group>
        <Select
          aria-label={t("meeting.language")}
          placeholder={t("meeting.language")}
          w={140}
          value={null}
          data={LANGUAGES.filter((language) => !used.includes(language))}
          onChange={(language) =>
            language && form.insertListItem("texts", { language, body: "", translationStatus: "pending" })
          }
          data-testid="decision-edit-add-language"
        />
      </Group>
      <FormButtons submit={t("authoring.save")} loading={update.isPending} testId="decision-edit-save" />
    </FormModal>
  );
}
