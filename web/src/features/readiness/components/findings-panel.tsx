import { Badge, Button, Group, Select, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../shared/api";
import { ConfirmButton, confirmOutcome, notifyError, SectionCard, TextField } from "../../../shared/ui";
import { useAddFinding, useInvalidateReadiness } from "../api";
import type { EvaluationDetail, Results } from "../types";

/** Findings and recommendations: everyone who reads the results sees them; the reporter adds and deletes. */
export function Findings({ evaluation, results }: { evaluation: EvaluationDetail; results: Results }) {
  const { t } = useTranslation("readiness");
  const add = useAddFinding(evaluation.id);
  const invalidate = useInvalidateReadiness();
  const [kind, setKind] = useState<"finding" | "recommendation">("finding");
  const [text, setText] = useState("");
  const canWrite = evaluation.permissions.report;
  const remove = async (findingId: string) => {
    await api.delete(`/api/readiness/evaluations/${evaluation.id}/findings/${findingId}`);
    await invalidate();
  };
  const areaTitle = (id: string | null) => results.areas.find((a) => a.areaId === id)?.title;
  return (
    <SectionCard title={t("results.findings")} radius="sm">
      {results.findings.length === 0 && <Text c="dimmed">{t("results.noFindings")}</Text>}
      <Stack gap="xs" data-testid="findings">
        {results.findings.map((finding) => (
          <Group key={finding.id} gap="xs" wrap="nowrap" align="flex-start">
            <Badge variant="light" color={finding.kind === "finding" ? "orange" : "blue"}>
              {t(`results.${finding.kind}`)}
            </Badge>
            <Text size="sm" style={{ flex: 1 }}>
              {areaTitle(finding.areaId) && <b>{areaTitle(finding.areaId)}: </b>}
              {finding.text}
            </Text>
            {canWrite && (
              <ConfirmButton
                size="compact-xs"
                variant="subtle"
                color="red"
                data-print="hide"
                message={t("authoring.deleteFindingConfirm", { text: finding.text })}
                onConfirm={() => confirmOutcome(remove(finding.id), t)}
                data-testid={`finding-delete-${finding.id}`}
              >
                {t("authoring.deleteFinding")}
              </ConfirmButton>
            )}
          </Group>
        ))}
      </Stack>
      {canWrite && (
        <Group mt="md" align="flex-end" data-print="hide">
          <Select
            w={180}
            allowDeselect={false}
            value={kind}
            onChange={(value) => setKind((value as "finding" | "recommendation") ?? "finding")}
            data={[
              { value: "finding", label: t("results.finding") },
              { value: "recommendation", label: t("results.recommendation") },
            ]}
            aria-label={t("results.finding")}
          />
          <TextField
            style={{ flex: 1 }}
            label={t("results.findingText")}
            value={text}
            onValue={setText}
            testId="finding-text"
          />
          <Button
            disabled={!text.trim()}
            loading={add.isPending}
            onClick={() =>
              add.mutate(
                { kind, text },
                { onSuccess: () => setText(""), onError: (error) => notifyError(error, t) },
              )
            }
            data-testid="finding-add"
          >
            {t("results.addFinding")}
          </Button>
        </Group>
      )}
    </SectionCard>
  );
}
