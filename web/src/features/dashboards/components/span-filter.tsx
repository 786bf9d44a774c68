import { Group, NumberInput } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { NationSelect } from "../../programmes/components/shared";
import type { Span } from "../api";

/** The years a dashboard covers (the server's default, the last ten years, when left empty). */
export function SpanFilter({
  span,
  onChange,
  children,
}: {
  span: Span;
  onChange: (span: Span) => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation("dashboards");
  const year = (value: string | number) => (typeof value === "number" ? value : undefined);
  return (
    <Group align="flex-end" wrap="wrap" mb="md">
      {children}
      <NumberInput
        label={t("span.fromYear")}
        placeholder={t("span.yearPlaceholder")}
        w={120}
        min={1990}
        max={2200}
        value={span.fromYear ?? ""}
        onChange={(value) => onChange({ ...span, fromYear: year(value) })}
        data-testid="dashboard-from"
      />
      <NumberInput
        label={t("span.toYear")}
        placeholder={t("span.yearPlaceholder")}
        w={120}
        min={1990}
        max={2200}
        value={span.toYear ?? ""}
        onChange={(value) => onChange({ ...span, toYear: year(value) })}
        data-testid="dashboard-to"
      />
    </Group>
  );
}

export function NationPicker({
  value,
  onChange,
}: {
  value: string | undefined;
  onChange: (id: string | null) => void;
}) {
  const { t } = useTranslation("dashboards");
  return (
    <NationSelect
      value={value}
      onChange={onChange}
      label={t("columns.nation")}
      placeholder={t("span.nationPlaceholder")}
      testId="dashboard-nation"
    />
  );
}
