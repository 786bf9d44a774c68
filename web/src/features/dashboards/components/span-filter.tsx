import { Group, NumberInput } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { NationSelect } from "../../programmes/components/shared";
import type { Span } from "../api";

/** The span's two ends, each a year input of its own. */
const ENDS = [
  { key: "fromYear", label: "span.fromYear", testId: "dashboard-from" },
  { key: "toYear", label: "span.toYear", testId: "dashboard-to" },
] as const;

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
      {ENDS.map(({ key, label, testId }) => (
        <NumberInput
          key={key}
          label={t(label)}
          placeholder={t("span.yearPlaceholder")}
          w={120}
          min={1990}
          max={2200}
          value={span[key] ?? ""}
          onChange={(value) => onChange({ ...span, [key]: year(value) })}
          data-testid={testId}
        />
      ))}
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
