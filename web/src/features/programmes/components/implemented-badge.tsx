import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** Whether a programme's item was carried out, as a small yes (teal) or no (grey) badge. */
export function ImplementedBadge({ implemented }: { implemented: boolean }) {
  const { t } = useTranslation("programmes");
  return (
    <Badge color={implemented ? "teal" : "gray"} size="sm">
      {implemented ? t("common.yes") : t("common.no")}
    </Badge>
  );
}
