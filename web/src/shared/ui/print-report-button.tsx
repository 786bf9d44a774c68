import { Button } from "@mantine/core";
import { IconPrinter } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../i18n/format";

export interface PrintReportButtonProps {
  /** The report's API path, e.g. `/api/events/{id}/roster.pdf`; the UI language is added as `lang`. */
  href: string;
  testId: string;
}

/** Opens a printable report (PDF) in the UI language in a new tab; the server applies the record's own access. */
export function PrintReportButton({ href, testId }: PrintReportButtonProps) {
  const { t } = useTranslation();
  const { language } = useFormat();
  return (
    <Button
      component="a"
      href={`${href}?lang=${language}`}
      target="_blank"
      rel="noopener"
      variant="default"
      leftSection={<IconPrinter size={16} />}
      title={t("report.hint")}
      data-testid={testId}
    >
      {t("report.print")}
    </Button>
  );
}
