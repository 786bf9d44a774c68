import { Badge, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** Marks demo data that is invented rather than taken from the source material. */
export function SampleBadge({ show = true }: { show?: boolean }) {
  const { t } = useTranslation("operations");
  if (!show) return null;
  return (
    <Tooltip label={t("sampleHint")}>
      <Badge size="xs" variant="outline" color="gray" style={{ flexShrink: 0 }} data-testid="sample-badge">
        {t("sample")}
      </Badge>
    </Tooltip>
  );
}
