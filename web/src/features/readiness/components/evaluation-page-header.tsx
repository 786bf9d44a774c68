import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../../shared/ui";

/** The header of a page under one evaluation (its checklist, its results): the page's title and the way back. */
export function EvaluationPageHeader({
  evaluationId,
  evaluationTitle,
  title,
  actions,
}: {
  evaluationId: string;
  /** Empty until the evaluation has loaded. */
  evaluationTitle: string;
  title: string;
  actions?: ReactNode;
}) {
  const { t } = useTranslation("readiness");
  return (
    <PageHeader
      title={title}
      documentTitle={`${title} · ${evaluationTitle}`}
      breadcrumbs={[
        { label: t("evaluations.title"), to: "/readiness" },
        { label: evaluationTitle, to: `/readiness/evaluations/${evaluationId}` },
        { label: title },
      ]}
      actions={actions}
    />
  );
}
