import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** Marks a record archived (kept because others refer to it); renders nothing when `archivedAt` is null. */
export function ArchivedBadge({ archivedAt }: { archivedAt: string | null | undefined }) {
  const { t } = useTranslation();
  if (!archivedAt) return null;
  return (
    <Badge color="gray" variant="outline" data-testid="archived-badge">
      {t("status.archived")}
    </Badge>
  );
}
