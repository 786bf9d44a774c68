import { Select, type SelectProps } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { RELEASABILITY_LEVELS } from "./releasability-badge";

/** The choice of a record's releasability, in the viewer's language; one must be chosen unless `allowDeselect`. */
export function ReleasabilitySelect({ allowDeselect = false, ...props }: Omit<SelectProps, "data">) {
  const { t } = useTranslation();
  return (
    <Select
      allowDeselect={allowDeselect}
      {...props}
      data={RELEASABILITY_LEVELS.map((level) => ({ value: level, label: t(`releasability.${level}`) }))}
    />
  );
}
