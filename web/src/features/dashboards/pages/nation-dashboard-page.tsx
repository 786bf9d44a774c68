import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../../shared/ui";
import { useNationParam } from "../../programmes/components/shared";
import type { Span } from "../api";
import { NationDashboard } from "../components/nation-dashboard";
import { NationPicker, SpanFilter } from "../components/span-filter";

export function NationDashboardPage() {
  const { t } = useTranslation("dashboards");
  const [nationId, setNationId] = useNationParam();
  const [span, setSpan] = useState<Span>({});
  return (
    <>
      <PageHeader title={t("nation.title")} description={t("nation.description")} />
      <SpanFilter span={span} onChange={setSpan}>
        <NationPicker value={nationId} onChange={setNationId} />
      </SpanFilter>
      {nationId && <NationDashboard nationId={nationId} span={span} />}
    </>
  );
}
