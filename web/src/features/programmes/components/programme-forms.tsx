import { useTranslation } from "react-i18next";
import { api } from "../../../shared/api";
import { usePlan } from "../api";
import type { ProgrammeDetail } from "../types";
import { FormModalButton } from "./entity-form";
import { useAuthoringOptions } from "./options";

const OUTCOMES = ["done", "not_done", "cancelled"] as const;

/** The programme's title, plan and note; its status changes through the decisions (programme-agreement.tsx). */
export function EditProgrammeButton({ programme }: { programme: ProgrammeDetail }) {
  const { t } = useTranslation("programmes");
  const options = useAuthoringOptions(programme.nationId);
  return (
    <FormModalButton
      label={t("authoring.editProgramme")}
      testId="programme-edit"
      mode="edit"
      fields={[
        { name: "planId", label: t("authoring.plan"), kind: "select", data: options.plans },
        { name: "title", label: t("authoring.title"), required: true, wide: true },
        { name: "note", label: t("authoring.note"), kind: "textarea", wide: true },
      ]}
      initial={programme}
      send={(body) => api.patch(`/api/annual-programmes/${programme.id}`, body)}
    />
  );
}

type Item = ProgrammeDetail["items"][number];

/** An item's plan (dates, participants, objectives); the outcome only for the nation's own items. */
export function EditItemButton({ item, planId }: { item: Item; planId: string | null }) {
  const { t } = useTranslation("programmes");
  const options = useAuthoringOptions();
  const plan = usePlan(planId ?? undefined);
  const own = !item.activityId;
  return (
    <FormModalButton
      label={t("authoring.edit")}
      title={`${t("authoring.editItem")}: ${item.activity?.code ?? item.title}`}
      buttonProps={{ variant: "subtle" }}
      testId={`item-edit-${item.id}`}
      mode="edit"
      fields={[
        ...(own ? [{ name: "title", label: t("programmes.item"), required: true, wide: true }] : []),
        { name: "areaCode", label: t("common.area"), kind: "select", data: options.areas, required: true },
        { name: "plannedParticipants", label: t("programmes.plannedParticipants"), kind: "number" },
        { name: "plannedStartsOn", label: t("items.plannedFrom"), kind: "date" },
        { name: "plannedEndsOn", label: t("authoring.plannedTo"), kind: "date" },
        ...(own
          ? [
              {
                name: "ownOutcome",
                label: t("authoring.outcome"),
                kind: "select" as const,
                data: OUTCOMES.map((value) => ({ value, label: t(`authoring.outcomes.${value}`) })),
              },
              { name: "ownParticipants", label: t("authoring.ownParticipants"), kind: "number" as const },
            ]
          : []),
        {
          name: "objectiveIds",
          label: t("plans.objectives"),
          kind: "multiselect",
          wide: true,
          data: (plan.data?.objectives ?? []).map((objective) => ({
            value: objective.id,
            label: `${objective.code} — ${objective.title}`,
          })),
        },
        { name: "note", label: t("authoring.note"), kind: "textarea", wide: true },
      ]}
      initial={item}
      send={(body) => api.patch(`/api/programme-items/${item.id}`, body)}
    />
  );
}
