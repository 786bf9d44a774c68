import { useTranslation } from "react-i18next";
import { api } from "../../../shared/api";
import { RemoveRowButton } from "../../../shared/ui";
import { useInvalidate } from "../api";
import { CreateFormButton } from "./entity-form";
import { useAuthoringOptions } from "./options";

const KINDS = ["milestone", "agreement", "deployment", "visit", "role", "event"] as const;

/** A dated milestone of the partnership, with its source and titles in the three languages. */
export function AddMilestoneButton({ nationId }: { nationId: string }) {
  const { t } = useTranslation("programmes");
  const options = useAuthoringOptions();
  return (
    <CreateFormButton
      label={t("authoring.addMilestone")}
      buttonProps={{ variant: "filled" }}
      testId="milestone-form"
      fields={[
        { name: "occurredOn", label: t("authoring.occurredOn"), kind: "date", required: true },
        { name: "precision", label: t("authoring.precisionLabel"), kind: "select", data: options.precisions },
        {
          name: "kind",
          label: t("authoring.kind"),
          kind: "select",
          data: KINDS.map((value) => ({ value, label: t(`authoring.milestoneKinds.${value}`) })),
        },
        { name: "titleEn", label: t("authoring.titleEn"), required: true, wide: true },
        { name: "titleAz", label: t("authoring.titleAz"), wide: true },
        { name: "titleRu", label: t("authoring.titleRu"), wide: true },
        { name: "source", label: t("common.source"), required: true, wide: true },
        { name: "description", label: t("authoring.description"), kind: "textarea", wide: true },
      ]}
      send={(body) => api.post("/api/partnership-milestones", { ...body, nationId })}
    />
  );
}

export function DeleteMilestoneButton({ id, title }: { id: string; title: string }) {
  const { t } = useTranslation("programmes");
  const invalidate = useInvalidate();
  return (
    <RemoveRowButton
      size="compact-xs"
      message={t("authoring.deleteMilestoneConfirm", { title })}
      remove={() => api.delete(`/api/partnership-milestones/${id}`).then(invalidate)}
      success={t("authoring.removed")}
      testId={`milestone-delete-${id}`}
    >
      {t("authoring.delete")}
    </RemoveRowButton>
  );
}
