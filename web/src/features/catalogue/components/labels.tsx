import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Language } from "../../../shared/i18n/languages";
import type { NominationStatus } from "../types";

/** The title in the current language, falling back to English. */
export function localTitle(
  record: { titleEn?: string; title?: string; titleAz: string | null; titleRu: string | null },
  language: Language,
): string {
  if (language === "az" && record.titleAz) return record.titleAz;
  if (language === "ru" && record.titleRu) return record.titleRu;
  return record.titleEn ?? record.title ?? "";
}

const STATUS_COLOURS: Record<NominationStatus, string> = {
  nominated: "blue",
  accepted: "green",
  waitlisted: "yellow",
  declined: "red",
  withdrawn: "gray",
  cancelled: "gray",
};

export function NominationStatusBadge({ status }: { status: NominationStatus }) {
  const { t } = useTranslation("catalogue");
  return (
    <Badge color={STATUS_COLOURS[status]} variant="light" data-testid={`nomination-status-${status}`}>
      {t(`nominations.statuses.${status}`)}
    </Badge>
  );
}

/** "8 – 12 March 2027", or one date when the event lasts a day. */
export function useDateRange() {
  const { i18n } = useTranslation();
  return (from: string | null, to: string | null) => {
    if (!from) return "";
    const format = (value: string) =>
      new Intl.DateTimeFormat(i18n.language, {
        day: "numeric",
        month: "short",
        year: "numeric",
        timeZone: "UTC",
      }).format(new Date(`${value}T00:00:00Z`));
    return !to || to === from ? format(from) : `${format(from)} – ${format(to)}`;
  };
}
