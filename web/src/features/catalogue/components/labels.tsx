import { useFormat } from "../../../shared/i18n/format";
import type { Language } from "../../../shared/i18n/languages";
import { StatusBadge } from "../../../shared/ui";
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
  return (
    <StatusBadge
      status={status}
      words="catalogue:nominations.statuses"
      colours={STATUS_COLOURS}
      testId={`nomination-status-${status}`}
    />
  );
}

/** "8 Mar 2027 – 12 Mar 2027", or one date when the event lasts a day: the same formats as every other date. */
export function useDateRange() {
  const format = useFormat();
  return (from: string | null, to: string | null) => {
    if (!from) return "";
    return !to || to === from
      ? format.date(from, "short")
      : `${format.date(from, "short")} – ${format.date(to, "short")}`;
  };
}
