import { Badge, Button, Checkbox, Stack, Table, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, changedFields } from "../../../shared/api";
import {
  FormButtons,
  FormModal,
  notifyFormError,
  notifySuccess,
  PlainTable,
  QueryBoundary,
  RowActionButton,
  saveChanges,
} from "../../../shared/ui";
import { FormTextarea } from "../../../shared/ui/form-textarea";
import { useInvalidateReadiness } from "../api";
import type { ChecklistTemplate } from "../types";

interface VersionCriterion {
  id: string;
  code: string;
  text: string;
  guidance: string | null;
  critical: boolean;
}
interface VersionDetail {
  id: string;
  version: number;
  usedBy: number;
  areas: { id: string; code: string; title: string; criteria: VersionCriterion[] }[];
}

const versionKey = (id: string) => ["readiness", "checklist-version", id] as const;
const fetchVersion = (id: string, signal?: AbortSignal) =>
  api.get<VersionDetail>(`/api/readiness/checklist-versions/${id}`, undefined, signal);

/** The next version of a template, started as a copy of the latest; its criteria are then corrected one by one. */
export function NewVersionButton({ template }: { template: ChecklistTemplate }) {
  const { t } = useTranslation("readiness");
  const invalidate = useInvalidateReadiness();
  const [open, setOpen] = useState(false);
  const form = useForm({ initialValues: { note: "" } });
  const latest = template.versions.reduce<ChecklistTemplate["versions"][number] | null>(
    (found, version) => (!found || version.version > found.version ? version : found),
    null,
  );
  if (!latest) return null;
  const submit = form.onSubmit(async (values) => {
    try {
      const source = await fetchVersion(latest.id);
      const areas = source.areas.map((area) => ({
        code: area.code,
        title: area.title,
        criteria: area.criteria.map(({ code, text, guidance, critical }) => ({
          code,
          text,
          guidance,
          critical,
        })),
      }));
      await api.post(`/api/readiness/checklists/${template.id}/versions`, {
        note: values.note.trim() || null,
        areas,
      });
      await invalidate();
      notifySuccess(t("common:notify.created"));
      form.reset();
      setOpen(false);
    } catch (error) {
      notifyFormError(form, error, t);
    }
  });
  return (
    <>
      <Button
        size="xs"
        variant="default"
        onClick={() => setOpen(true)}
        data-testid={`version-new-${template.code}`}
      >
        {t("authoring.newVersion")}
      </Button>
      <FormModal
        opened={open}
        onClose={() => setOpen(false)}
        title={t("authoring.newVersionTitle", { code: template.code })}
        onSubmit={submit}
        testId="version-form"
      >
        <Text size="sm">{t("authoring.newVersionIntro")}</Text>
        <FormTextarea label={t("authoring.versionNotes")} form={form} name="note" testId="version-note" />
        <FormButtons
          submit={t("authoring.createVersion")}
          loading={form.submitting}
          testId="version-create"
        />
      </FormModal>
    </>
  );
}

function CriterionEdit({ criterion, onClose }: { criterion: VersionCriterion; onClose: () => void }) {
  const { t } = useTranslation("readiness");
  const invalidate = useInvalidateReadiness();
  const initial = { text: criterion.text, guidance: criterion.guidance ?? "", critical: criterion.critical };
  const form = useForm({
    initialValues: initial,
    validate: { text: (value) => (value.trim() ? null : t("authoring.required")) },
  });
  const submit = form.onSubmit(async (values) => {
    // Only what changed: an untouched field never overwrites another author's correction.
    const all = {
      text: values.text.trim(),
      guidance: values.guidance.trim() || null,
      critical: values.critical,
    };
    await saveChanges(form, t, onClose, changedFields(form, all), async (patch) => {
      await api.patch(`/api/readiness/checklist-criteria/${criterion.id}`, patch);
      await invalidate();
    });
  });
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t("authoring.editCriterionTitle", { code: criterion.code })}
      size="lg"
      onSubmit={submit}
      testId="criterion-form"
    >
      <FormTextarea
        required
        label={t("authoring.criterionText")}
        form={form}
        name="text"
        testId="criterion-text"
      />
      <FormTextarea label={t("authoring.guidance")} form={form} name="guidance" testId="criterion-guidance" />
      <Checkbox
        label={t("authoring.critical")}
        {...form.getInputProps("critical", { type: "checkbox" })}
        data-testid="criterion-critical"
      />
      <FormButtons submit={t("authoring.save")} loading={form.submitting} testId="criterion-save" />
    </FormModal>
  );
}

/** A version's criteria; while no evaluation uses the version, its authors correct them. */
export function VersionCriteria({ versionId, canWrite }: { versionId: string; canWrite: boolean }) {
  const { t } = useTranslation("readiness");
  const version = useQuery({
    queryKey: versionKey(versionId),
    queryFn: ({ signal }) => fetchVersion(versionId, signal),
  });
  const [editing, setEditing] = useState<VersionCriterion | null>(null);
  return (
    <QueryBoundary query={version}>
      {(detail) => (
        <Stack gap="xs" data-testid={`version-criteria-${detail.version}`}>
          <Text fw={600} size="sm">
            {t("authoring.criteria", { version: detail.version })}
          </Text>
          <PlainTable minWidth={480}>
            {detail.areas.flatMap((area) =>
              area.criteria.map((criterion) => (
                <Table.Tr key={criterion.id} data-testid={`version-criterion-${criterion.code}`}>
                  <Table.Td>{area.code}</Table.Td>
                  <Table.Td>
                    {criterion.code}{" "}
                    {criterion.critical && (
                      <Badge size="xs" color="red" variant="light">
                        {t("entry.critical")}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{criterion.text}</Table.Td>
                  {canWrite && detail.usedBy === 0 && (
                    <Table.Td>
                      <RowActionButton
                        onClick={() => setEditing(criterion)}
                        testId={`criterion-edit-${criterion.code}`}
                      >
                        {t("authoring.editCriterion")}
                      </RowActionButton>
                    </Table.Td>
                  )}
                </Table.Tr>
              )),
            )}
          </PlainTable>
          {editing && <CriterionEdit criterion={editing} onClose={() => setEditing(null)} />}
        </Stack>
      )}
    </QueryBoundary>
  );
}
