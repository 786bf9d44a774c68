import { Anchor, Button, Group, Select, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { api, type Page } from "../../../shared/api";
import {
  FormButtons,
  FormModal,
  notifyFormError,
  notifySuccess,
  optionsUnder,
  pickerProps,
  RemoteSelect,
  RemoveRowButton,
  RowActionButton,
  saveForm,
} from "../../../shared/ui";
import { FormTextarea } from "../../../shared/ui/form-textarea";
import { useInvalidateTraining } from "../api";
import type { Dossier, DossierStandard, Finding } from "../types";

const fetchOrganisations = (q: string) =>
  api
    .get<Page<{ id: string; code: string; nameEn: string }>>("/api/organisations", { q, limit: 20 })
    .then((page) => page.items.map((o) => ({ value: o.id, label: `${o.code} · ${o.nameEn}` })));

/** Opens an accreditation (or recognition) application for a centre; for a decided centre this is its renewal. */
export function OpenApplication({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation("training");
  const navigate = useNavigate();
  const invalidate = useInvalidateTraining();
  const form = useForm({
    initialValues: {
      centreId: null as string | null,
      kind: "accreditation",
      selfAssessmentDueOn: "",
      note: "",
    },
    validate: { centreId: (value) => (value ? null : t("authoring.required")) },
  });
  const submit = form.onSubmit(async (values) => {
    try {
      const created = await api.post<Dossier>("/api/training/accreditation", {
        centreId: values.centreId,
        kind: values.kind,
        ...(values.selfAssessmentDueOn ? { selfAssessmentDueOn: values.selfAssessmentDueOn } : {}),
        ...(values.note.trim() ? { note: values.note.trim() } : {}),
      });
      await invalidate();
      notifySuccess(t("common:notify.created"));
      navigate(`/training/accreditation/${created.id}`);
    } catch (error) {
      notifyFormError(form, error, t);
    }
  });
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t("authoring.openApplication")}
      onSubmit={submit}
      testId="application-form"
    >
      <Text size="sm">{t("authoring.openApplicationIntro")}</Text>
      <RemoteSelect
        required
        label={t("authoring.centre")}
        queryKey={["training", "centre-options"]}
        fetchOptions={fetchOrganisations}
        {...pickerProps(form, "centreId")}
        data-testid="application-centre"
      />
      <Select
        label={t("authoring.kind")}
        allowDeselect={false}
        data={optionsUnder(t, "kindsOfApplication", [
          "accreditation",
          "partnership_training_centre_recognition",
        ])}
        {...form.getInputProps("kind")}
      />
      <TextInput type="date" label={t("authoring.dueOn")} {...form.getInputProps("selfAssessmentDueOn")} />
      <Textarea autosize minRows={2} label={t("authoring.note")} {...form.getInputProps("note")} />
      <FormButtons submit={t("authoring.create")} loading={form.submitting} testId="application-create" />
    </FormModal>
  );
}

/** The centre's self-assessment of one standard: a rating and its narrative; only what changed is sent. */
export function SelfAssessmentForm({ dossier, standard }: { dossier: Dossier; standard: DossierStandard }) {
  const { t } = useTranslation("training");
  const invalidate = useInvalidateTraining();
  const initial = {
    rating: standard.selfAssessment?.rating ?? (null as string | null),
    narrative: standard.selfAssessment?.narrative ?? "",
  };
  const form = useForm({
    initialValues: initial,
    validate: { rating: (value) => (value ? null : t("authoring.required")) },
  });
  const submit = form.onSubmit(async (values) => {
    await saveForm(form, t, undefined, async () => {
      await api.put(`/api/training/accreditation/${dossier.id}/standards/${standard.id}/self-assessment`, {
        rating: values.rating,
        ...(form.isDirty("narrative") ? { narrative: values.narrative.trim() || null } : {}),
      });
      await invalidate();
      form.resetDirty(values);
    });
  });
  return (
    <form onSubmit={submit} noValidate data-testid={`self-assessment-${standard.code}`}>
      <Stack gap={4}>
        <Select
          size="xs"
          w={170}
          aria-label={`${t("accreditation.rate")} ${standard.code}`}
          placeholder={t("accreditation.rate")}
          data={optionsUnder(t, "ratings", ["met", "partially_met", "not_met"])}
          {...form.getInputProps("rating")}
          data-testid={`rating-${standard.code}`}
        />
        <FormTextarea
          size="xs"
          minRows={1}
          aria-label={`${t("authoring.narrative")} ${standard.code}`}
          placeholder={t("authoring.narrative")}
          form={form}
          name="narrative"
          testId={`narrative-${standard.code}`}
        />
        {form.isDirty() && (
          <Group>
            <Button
              type="submit"
              size="compact-xs"
              loading={form.submitting}
              data-testid={`assess-${standard.code}`}
            >
              {t("authoring.saveAssessment")}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

/** An evidence file: a link to it, and for the centre while it may still change, its removal after a confirmation. */
export function EvidenceItem({
  dossier,
  evidence,
  editable,
}: {
  dossier: Dossier;
  evidence: DossierStandard["evidence"][number];
  editable: boolean;
}) {
  const { t } = useTranslation("training");
  const invalidate = useInvalidateTraining();
  return (
    <Group gap={4} wrap="nowrap" data-testid={`evidence-${evidence.filename}`}>
      <Anchor size="xs" href={`/api/training/accreditation/${dossier.id}/evidence/${evidence.id}`}>
        {evidence.filename}
      </Anchor>
      {editable && (
        <RemoveRowButton
          size="compact-xs"
          message={t("authoring.deleteEvidenceConfirm", { name: evidence.filename })}
          remove={async () => {
            await api.delete(`/api/training/accreditation/${dossier.id}/evidence/${evidence.id}`);
            await invalidate();
          }}
          testId={`evidence-delete-${evidence.id}`}
        >
          {t("authoring.deleteEvidence")}
        </RemoveRowButton>
      )}
    </Group>
  );
}

/** The reviewer closes a finding or condition with a note of how it was resolved (required). */
export function CloseFindingButton({ dossier, finding }: { dossier: Dossier; finding: Finding }) {
  const { t } = useTranslation("training");
  const invalidate = useInvalidateTraining();
  const [open, setOpen] = useState(false);
  const close = () => setOpen(false);
  const form = useForm({
    initialValues: { closureNote: "" },
    validate: { closureNote: (value) => (value.trim() ? null : t("authoring.required")) },
  });
  const submit = form.onSubmit(async (values) => {
    await saveForm(form, t, close, async () => {
      await api.post(`/api/training/accreditation/${dossier.id}/findings/${finding.id}/close`, {
        closureNote: values.closureNote.trim(),
      });
      await invalidate();
    });
  });
  return (
    <>
      <RowActionButton onClick={() => setOpen(true)} testId={`finding-close-${finding.id}`}>
        {t("authoring.closeFinding")}
      </RowActionButton>
      <FormModal
        opened={open}
        onClose={close}
        title={t("authoring.closeFindingTitle", { text: finding.text })}
        onSubmit={submit}
        testId="finding-close-form"
      >
        <FormTextarea
          required
          label={t("authoring.closureNote")}
          form={form}
          name="closureNote"
          testId="finding-closure-note"
        />
        <FormButtons
          submit={t("authoring.closeFinding")}
          loading={form.submitting}
          testId="finding-close-confirm"
        />
      </FormModal>
    </>
  );
}
