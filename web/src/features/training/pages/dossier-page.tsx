import {
  Accordion,
  Badge,
  Button,
  Card,
  FileButton,
  Group,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router-dom";
import { api } from "../../../shared/api";
import { useFormat } from "../../../shared/i18n/format";
import {
  DetailList,
  DimmedText,
  notifyError,
  notifySuccess,
  PageHeader,
  PlainTable,
  QueryBoundary,
  ReleasabilityBadge,
} from "../../../shared/ui";
import { trainingKeys, useDossier, useDossierAction } from "../api";
import { EvidenceItem, SelfAssessmentForm } from "../components/accreditation-authoring";
import { localTitle, personName } from "../local";
import { ReviewPanel } from "../review-panel";
import type { Dossier, DossierStandard } from "../types";

const MISSING_COLOURS = {
  self_assessment: "red",
  evidence: "orange",
  open_finding: "yellow",
  open_condition: "grape",
};

function uploadEvidence(applicationId: string, standardId: string, file: File) {
  return api.upload<unknown>(
    `/api/training/accreditation/${applicationId}/standards/${standardId}/evidence`,
    file,
  );
}

function StandardRow({ dossier, standard }: { dossier: Dossier; standard: DossierStandard }) {
  const { t } = useTranslation("training");
  const format = useFormat();
  const queryClient = useQueryClient();
  const [uploading, setUploading] = useState(false);
  const editable = dossier.canEdit && (dossier.state === "draft" || dossier.state === "self_assessment");
  return (
    <Table.Tr data-testid={`standard-${standard.code}`}>
      <Table.Td>
        <Text size="sm" fw={500}>
          {standard.code}
        </Text>
        <Text size="sm">{localTitle(standard.title, format.language)}</Text>
      </Table.Td>
      <Table.Td>
        {editable ? (
          <SelfAssessmentForm dossier={dossier} standard={standard} />
        ) : standard.selfAssessment ? (
          <Stack gap={2}>
            <Text size="sm">{t(`ratings.${standard.selfAssessment.rating}`)}</Text>
            {standard.selfAssessment.narrative && <Text size="xs">{standard.selfAssessment.narrative}</Text>}
          </Stack>
        ) : (
          "—"
        )}
      </Table.Td>
      <Table.Td>
        <Stack gap={2}>
          {standard.evidence.map((evidence) => (
            <EvidenceItem key={evidence.id} dossier={dossier} evidence={evidence} editable={editable} />
          ))}
          {editable && (
            <FileButton
              onChange={(file) => {
                if (!file) return;
                setUploading(true);
                uploadEvidence(dossier.id, standard.id, file)
                  .then(() => {
                    notifySuccess(file.name);
                    return queryClient.invalidateQueries({ queryKey: trainingKeys.all });
                  })
                  .catch((e) => notifyError(e, t))
                  .finally(() => setUploading(false));
              }}
            >
              {(props) => (
                <Button
                  {...props}
                  size="compact-xs"
                  variant="subtle"
                  loading={uploading}
                  data-testid={`evidence-upload-${standard.code}`}
                >
                  {t("accreditation.upload")}
                </Button>
              )}
            </FileButton>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>
        <Stack gap={2}>
          {standard.findings.map((f) => (
            <Text key={f.id} size="xs" td={f.status === "closed" ? "line-through" : undefined}>
              {t(`findingKinds.${f.kind}`)}: {f.text}
            </Text>
          ))}
        </Stack>
      </Table.Td>
      <Table.Td data-testid={`missing-${standard.code}`}>
        {standard.missing.length === 0 ? (
          <Badge color="green" variant="light">
            {t("accreditation.nothingMissing")}
          </Badge>
        ) : (
          <Group gap={4}>
            {standard.missing.map((m) => (
              <Badge key={m} color={MISSING_COLOURS[m]} variant="light" size="sm">
                {t(`missing.${m}`)}
              </Badge>
            ))}
          </Group>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

export function DossierPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation("training");
  const format = useFormat();
  const dossier = useDossier(id);
  const action = useDossierAction<object>(id);
  return (
    <QueryBoundary query={dossier}>
      {(d) => (
        <>
          <PageHeader
            title={localTitle(d.centre.name, format.language)}
            description={`${t("accreditation.dossier")} · ${t(`kindsOfApplication.${d.kind}`)}`}
            breadcrumbs={[
              { label: t("accreditation.title"), to: "/training/accreditation" },
              { label: d.centre.code },
            ]}
            badges={
              <Group gap="xs">
                <Badge data-testid="dossier-state">
                  {d.decision ? t(`decisions.${d.decision}`) : t(`states.${d.state}`)}
                </Badge>
                <ReleasabilityBadge level={d.releasability} />
                {d.sample && (
                  <Badge variant="outline" color="gray">
                    {t("sample")}
                  </Badge>
                )}
              </Group>
            }
            actions={
              <Group>
                {d.allowedTransitions
                  .filter((name) => name === "start" || name === "submit" || name === "record_visit")
                  .map((name) => (
                    <Button
                      key={name}
                      data-testid={`transition-${name}`}
                      loading={action.isPending}
                      onClick={() =>
                        action.mutate(
                          { path: name === "record_visit" ? "visited" : name },
                          {
                            onSuccess: () => notifySuccess(t(`states.${name}`)),
                            onError: (e) => notifyError(e, t),
                          },
                        )
                      }
                    >
                      {t(`accreditation.transitions.${name}`)}
                    </Button>
                  ))}
              </Group>
            }
          />
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 4 }}>
              {(
                [
                  ["selfAssessed", d.progress.selfAssessed],
                  ["withEvidence", d.progress.withEvidence],
                  ["progress", d.progress.complete],
                ] as const
              ).map(([key, value]) => (
                <Card withBorder key={key} data-testid={`progress-${key}`}>
                  <DimmedText size="xs">{t(`accreditation.${key}`)}</DimmedText>
                  <Text fw={700} size="xl">
                    {value} / {d.progress.standards}
                  </Text>
                  <Progress
                    value={(value / Math.max(1, d.progress.standards)) * 100}
                    aria-label={t(`accreditation.${key}`)}
                  />
                </Card>
              ))}
              <Card withBorder>
                <DimmedText size="xs">{t("accreditation.openConditions")}</DimmedText>
                <Text fw={700} size="xl">
                  {d.openConditions}
                </Text>
              </Card>
            </SimpleGrid>
            <DetailList
              items={[
                {
                  label: t("accreditation.due"),
                  value: d.selfAssessmentDueOn ? format.date(d.selfAssessmentDueOn) : "—",
                },
                {
                  label: t("accreditation.visit"),
                  value: d.visitStartsOn
                    ? `${format.date(d.visitStartsOn)} – ${format.date(d.visitEndsOn)}`
                    : "—",
                },
                {
                  label: t("accreditation.team"),
                  value:
                    d.team
                      .map((m) => `${personName(m.person)}${m.role === "lead" ? " (lead)" : ""}`)
                      .join(", ") || "—",
                },
                {
                  label: t("accreditation.validUntil"),
                  value: d.validUntil ? format.date(d.validUntil) : "—",
                },
                { label: t("accreditation.note"), value: d.note ?? "—" },
              ]}
            />
            {d.canReview && <ReviewPanel dossier={d} />}
            <Accordion multiple defaultValue={d.areas.map((a) => a.code)} variant="separated">
              {d.areas.map((area) => (
                <Accordion.Item key={area.code} value={area.code} data-testid={`area-${area.code}`}>
                  <Accordion.Control>
                    <Group justify="space-between" pr="md">
                      <Title order={2} size="h5">
                        {localTitle(area.title, format.language)}
                      </Title>
                      <Text size="sm" c="dimmed">
                        {t("accreditation.complete", {
                          complete: area.complete,
                          standards: area.standards.length,
                        })}
                      </Text>
                    </Group>
                  </Accordion.Control>
                  <Accordion.Panel>
                    <PlainTable
                      striped
                      minWidth={720}
                      columns={[
                        t("accreditation.standard"),
                        t("accreditation.selfAssessment"),
                        t("accreditation.evidence"),
                        t("accreditation.findings"),
                        t("accreditation.missing"),
                      ]}
                    >
                      {area.standards.map((standard) => (
                        <StandardRow key={standard.id} dossier={d} standard={standard} />
                      ))}
                    </PlainTable>
                  </Accordion.Panel>
                </Accordion.Item>
              ))}
            </Accordion>
          </Stack>
        </>
      )}
    </QueryBoundary>
  );
}
