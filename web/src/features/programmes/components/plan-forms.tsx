import { useTranslation } from "react-i18next";
import { api } from "../../../shared/api";
import type { PlanDetail } from "../types";
import { CreateFormButton, type FieldSpec, FormModalButton } from "./entity-form";
import { useAuthoringOptions } from "./options";

/** The fields of a plan: a new one is given its nation, an existing one the plan that succeeds it. */
function usePlanFields(nationId: string | null | undefined, plan?: PlanDetail): FieldSpec[] {
  const { t } = useTranslation("programmes");
  const options = useAuthoringOptions(nationId);
  return [
    { name: "code", label: t("authoring.code"), required: true },
    { name: "kind", label: t("authoring.kind"), kind: "select", data: options.kinds, required: true },
    { name: "title", label: t("authoring.title"), required: true, wide: true },
    ...(plan
      ? []
      : [{ name: "nationId", label: t("common.nation"), kind: "select" as const, data: options.nations }]),
    {
      name: "frameworkDocumentId",
      label: t("authoring.framework"),
      kind: "select",
      data: options.frameworks,
    },
    ...(plan
      ? [
          {
            name: "successorId",
            label: t("authoring.successor"),
            kind: "select" as const,
            data: options.plans.filter((option) => option.value !== plan.id),
          },
        ]
      : []),
    { name: "description", label: t("authoring.description"), kind: "textarea", wide: true },
  ];
}

/** A new multi-year plan of a nation (or of the user's organisation when no nation is chosen). */
export function NewPlanButton({ nationId }: { nationId: string | undefined }) {
  const { t } = useTranslation("programmes");
  const fields = usePlanFields(nationId);
  return (
    <CreateFormButton
      label={t("authoring.newPlan")}
      buttonProps={{ variant: "filled" }}
      testId="plan-form"
      fields={fields}
      initial={{ nationId: nationId ?? "" }}
      send={(body) => api.post<PlanDetail>("/api/plans", body)}
      opens={(plan) => `/programmes/plans/${plan.id}`}
    />
  );
}

/** Edit a plan: only changed fields are sent; the successor names the plan that follows this one. */
export function EditPlanButton({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation("programmes");
  const fields = usePlanFields(plan.nationId, plan);
  return (
    <FormModalButton
      label={t("authoring.edit")}
      testId="plan-edit"
      mode="edit"
      fields={fields}
      initial={plan}
      send={(body) => api.patch(`/api/plans/${plan.id}`, body)}
    />
  );
}

/** A numbered period of the plan; its dates come from the statements of sources added on the period's page. */
export function AddPeriodButton({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation("programmes");
  const next = Math.max(0, ...plan.periods.map((period) => period.number)) + 1;
  return (
    <CreateFormButton
      label={t("authoring.addPeriod")}
      testId="period-form"
      fields={[
        { name: "number", label: t("authoring.number"), kind: "number", required: true },
        { name: "label", label: t("authoring.label"), required: true },
        { name: "title", label: t("authoring.title"), wide: true },
        { name: "note", label: t("authoring.note"), kind: "textarea", wide: true },
      ]}
      initial={{ number: next }}
      send={(body) => api.post(`/api/plans/${plan.id}/periods`, body)}
    />
  );
}

/** An objective of the plan, in an area of cooperation, optionally within one period. */
export function AddObjectiveButton({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation("programmes");
  const options = useAuthoringOptions(plan.nationId);
  return (
    <CreateFormButton
      label={t("authoring.addObjective")}
      testId="objective-form"
      fields={[
        { name: "code", label: t("authoring.code"), required: true },
        { name: "areaCode", label: t("common.area"), kind: "select", data: options.areas, required: true },
        { name: "title", label: t("authoring.title"), required: true, wide: true },
        {
          name: "periodId",
          label: t("plans.period"),
          kind: "select",
          data: plan.periods.map((period) => ({ value: period.id, label: period.label })),
        },
        { name: "description", label: t("authoring.description"), kind: "textarea", wide: true },
      ]}
      send={(body) => api.post(`/api/plans/${plan.id}/objectives`, body)}
    />
  );
}
