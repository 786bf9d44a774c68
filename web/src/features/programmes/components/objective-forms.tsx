import { useTranslation } from "react-i18next";
import { api } from "../../../shared/api";
import { searchActivities, searchGoals } from "../api";
import { type Action, OBJECTIVE_ACTION_STATUSES } from "../types";
import { CreateFormButton, FormModalButton } from "./entity-form";
import { useAuthoringOptions } from "./options";

/** An action that implements the objective, with whoever is responsible and when it is due. */
export function AddActionButton({ objectiveId }: { objectiveId: string }) {
  const { t } = useTranslation("programmes");
  return (
    <CreateFormButton
      label={t("authoring.addAction")}
      testId="action-form"
      fields={[
        { name: "title", label: t("authoring.title"), required: true, wide: true },
        { name: "responsibleNote", label: t("objective.responsible") },
        { name: "dueOn", label: t("objective.due"), kind: "date" },
        {
          name: "status",
          label: t("common.status"),
          kind: "select",
          data: OBJECTIVE_ACTION_STATUSES.map((value) => ({ value, label: t(`actionStatus.${value}`) })),
        },
        { name: "progress", label: t("objective.progress"), kind: "number" },
        { name: "completedOn", label: t("authoring.completedOn"), kind: "date" },
        { name: "note", label: t("authoring.note"), kind: "textarea", wide: true },
      ]}
      send={(body) => api.post(`/api/plan-objectives/${objectiveId}/actions`, body)}
    />
  );
}

/**
 * Evidence that an action was carried out: one activity of the catalogue, one partnership goal (which links the
 * goal to the objective), one framework document, or a web address.
 */
export function AddEvidenceButton({ action, nationId }: { action: Action; nationId: string | null }) {
  const { t } = useTranslation("programmes");
  const options = useAuthoringOptions(nationId);
  return (
    <FormModalButton
      label={t("authoring.addEvidence")}
      title={`${t("authoring.addEvidence")}: ${action.title}`}
      buttonProps={{ variant: "subtle", size: "compact-xs" }}
      testId={`evidence-form-${action.id}`}
      mode="create"
      fields={[
        {
          name: "activityId",
          label: t("items.activity"),
          kind: "remote",
          fetchOptions: searchActivities,
          wide: true,
        },
        {
          name: "goalId",
          label: t("authoring.goal"),
          kind: "remote",
          fetchOptions: searchGoals(nationId),
          wide: true,
        },
        { name: "documentId", label: t("authoring.framework"), kind: "select", data: options.frameworks },
        { name: "url", label: t("authoring.url") },
        { name: "note", label: t("authoring.note"), kind: "textarea", wide: true },
      ]}
      send={(body) => api.post(`/api/plan-actions/${action.id}/evidence`, body)}
    />
  );
}
