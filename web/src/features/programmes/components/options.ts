import { useTranslation } from "react-i18next";
import { localName, useFormat } from "../../../shared/i18n/format";
import { useAreas, useFrameworks, useNationOptions, usePlanKinds, usePlans } from "../api";

const PRECISIONS = ["day", "month", "year"] as const;

/** The option lists the authoring forms choose from, in the reader's language. */
export function useAuthoringOptions(nationId?: string | null) {
  const { t } = useTranslation("programmes");
  const format = useFormat();
  const nations = useNationOptions();
  const kinds = usePlanKinds();
  const areas = useAreas();
  const frameworks = useFrameworks(nationId ?? undefined);
  const plans = usePlans({ nationId: nationId ?? undefined, limit: 100 });
  return {
    nations: (nations.data?.items ?? []).map((nation) => ({
      value: nation.id,
      label: `${nation.code} — ${localName(nation, format.language)}`,
    })),
    kinds: (kinds.data ?? []).map((kind) => ({ value: kind.code, label: localName(kind, format.language) })),
    areas: (areas.data ?? []).map((area) => ({ value: area.code, label: localName(area, format.language) })),
    frameworks: (frameworks.data?.items ?? []).map((document) => ({
      value: document.id,
      label: document.title,
    })),
    plans: (plans.data?.items ?? []).map((plan) => ({
      value: plan.id,
      label: `${plan.code} — ${plan.title}`,
    })),
    precisions: PRECISIONS.map((value) => ({ value, label: t(`authoring.precision.${value}`) })),
  };
}
