import { SimpleGrid, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { RECORD_TEST_NAME } from "./record-form-page";

const NAMES = [
  { lang: "en", field: "nameEn" },
  { lang: "az", field: "nameAz" },
  { lang: "ru", field: "nameRu" },
] as const;

type NameField = (typeof NAMES)[number]["field"];

/**
 * The three names of a nation or an organisation (English, Azerbaijani, Russian), side by side from a small
 * screen up; each input says its language. The English one is always required.
 */
export function LocalNameFields({
  form,
  labels,
  allRequired = false,
}: {
  form: { getInputProps(path: NameField): object };
  /** The record's list: the labels are `<labels>.nameEn`…, the test ids `<record>-name-en`… */
  labels: "nations" | "organisations";
  allRequired?: boolean;
}) {
  const { t } = useTranslation("directory");
  const testIdPrefix = RECORD_TEST_NAME[labels];
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }}>
      {NAMES.map(({ lang, field }) => (
        <TextInput
          key={lang}
          label={t(`${labels}.${field}`)}
          lang={lang}
          required={allRequired || lang === "en"}
          data-testid={`${testIdPrefix}-name-${lang}`}
          {...form.getInputProps(field)}
        />
      ))}
    </SimpleGrid>
  );
}
