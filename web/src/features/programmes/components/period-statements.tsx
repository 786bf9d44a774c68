import { Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { api } from "../../../shared/api";
import { DimmedText, RemoveRowButton } from "../../../shared/ui";
import { useInvalidate, usePlan } from "../api";
import type { PeriodDetail } from "../types";
import { CreateFormButton } from "./entity-form";
import { useAuthoringOptions } from "./options";
import { useProgrammeWriters } from "./shared";
import { StatementsTable } from "./statements-table";

/**
 * The dated statements of a period, one per source. A second source that disagrees is kept beside the first
 * (the period then shows the discrepancy); a statement is removed only after a confirmation.
 */
export function PeriodStatements({ period }: { period: PeriodDetail }) {
  const { t } = useTranslation("programmes");
  const plan = usePlan(period.plan.id);
  const writers = useProgrammeWriters();
  const options = useAuthoringOptions();
  const invalidate = useInvalidate();
  const canEdit = !!plan.data && writers.canEdit(plan.data);
  return (
    <>
      <StatementsTable
        statements={period.statements}
        remove={
          canEdit
            ? (statement) => (
                <RemoveRowButton
                  message={t("authoring.removeStatementConfirm", { source: statement.source })}
                  remove={() =>
                    api.delete(`/api/plan-periods/${period.id}/statements/${statement.id}`).then(invalidate)
                  }
                  success={t("authoring.removed")}
                  testId={`statement-remove-${statement.id}`}
                >
                  {t("items.remove")}
                </RemoveRowButton>
              )
            : undefined
        }
      />
      {canEdit && (
        <Group mt="sm" justify="space-between">
          <DimmedText size="xs">{t("authoring.statementHint")}</DimmedText>
          <CreateFormButton
            label={t("authoring.addStatement")}
            testId="statement-form"
            fields={[
              { name: "startsOn", label: t("authoring.startsOn"), kind: "date", required: true },
              {
                name: "startPrecision",
                label: t("authoring.precisionLabel"),
                kind: "select",
                data: options.precisions,
              },
              { name: "endsOn", label: t("authoring.endsOn"), kind: "date" },
              {
                name: "endPrecision",
                label: t("authoring.precisionLabel"),
                kind: "select",
                data: options.precisions,
              },
              { name: "source", label: t("common.source"), required: true, wide: true },
              { name: "note", label: t("authoring.note"), kind: "textarea", wide: true },
            ]}
            send={(body) => api.post(`/api/plan-periods/${period.id}/statements`, body)}
          />
        </Group>
      )}
    </>
  );
}
