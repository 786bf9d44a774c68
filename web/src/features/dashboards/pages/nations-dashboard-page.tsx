import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../../shared/ui";
import type { Span } from "../api";
import { NationsDashboard } from "../components/nations-dashboard";
import { SpanFilter } from "../components/span-filter";

export function NationsDashboardPage() {
  const { t } = useTranslation("dashboards");
  const [span, setSpan] = useState<Span>({});
  return (
    <>
      <PageHeader title={t("nations.title")} description={t("nations.description")} />
      <SpanFilter span={span} onChange={setSpan} />
      <NationsDashboard span={span} />
    </>
  );
}
