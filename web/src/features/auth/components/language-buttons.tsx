import { SegmentedControl } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { changeLanguage } from "../../../shared/i18n/i18n";
import { isLanguage, LANGUAGE_NAMES, LANGUAGES } from "../../../shared/i18n/languages";

/** The language switch of pages without the shell (sign-in). */
export function LanguageButtons() {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      aria-label={t("header.language")}
      size="xs"
      value={isLanguage(i18n.language) ? i18n.language : "en"}
      onChange={(value) => isLanguage(value) && changeLanguage(value)}
      data={LANGUAGES.map((language) => ({ value: language, label: LANGUAGE_NAMES[language] }))}
      data-testid="language-switch"
    />
  );
}
