import { Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router-dom";
import {
  FormPeriodInputs,
  FormTextInput,
  formOutcome,
  notifySuccess,
  optionsUnder,
  PageHeader,
  pickerProps,
  RemoteSelect,
  SubmitButton,
} from "../../../shared/ui";
import { fetchOrganisationOptions, fetchUnitOptions, useChecklists, usePlanEvaluation } from "../api";
import {
  EVALUATION_KINDS,
  type EvaluationInput,
  type EvaluationKind,
  PHASES,
  type PhaseName,
} from "../types";

interface FormValues {
  unitId: string;
  checklistVersionId: string;
  kind: EvaluationKind;
  title: string;
  startsOn: string;
  endsOn: string;
  evaluatingOrganisationId: string | null;
  phases: Record<PhaseName, { startsOn: string; endsOn: string }>;
}

const emptyPhases = Object.fromEntries(
  PHASES.map((p) => [p, { startsOn: "", endsOn: "" }]),
) as FormValues["phases"];

export function EvaluationPlanPage() {
  const { t } = useTranslation("readiness");
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const previousEvaluationId = searchParams.get("previous");
  const checklists = useChecklists();
  const plan = usePlanEvaluation();
  const required = (value: string | null) => (value ? null : t("planForm.required"));
  const form = useForm<FormValues>({
    initialValues: {
      unitId: searchParams.get("unit") ?? "",
      checklistVersionId: "",
      kind: "alliance_evaluation_l1",
      title: "",
      startsOn: "",
      endsOn: "",
      evaluatingOrganisationId: null,
      phases: emptyPhases,
    },
    validate: {
      unitId: required,
      checklistVersionId: required,
      title: required,
      startsOn: required,
      endsOn: required,
    },
  });

  const versionOptions = (checklists.data?.items ?? []).flatMap((template) =>
    template.versions.map((version) => ({
      value: version.id,
      label: `${template.code} v${version.version} — ${template.title} (${t("planForm.criteria", { count: version.criteria })})`,
    })),
  );

  const submit = form.onSubmit((values) => {
    const input: EvaluationInput = {
      unitId: values.unitId,
      checklistVersionId: values.checklistVersionId,
      kind: values.kind,
      title: values.title,
      startsOn: values.startsOn,
      endsOn: values.endsOn,
      evaluatingOrganisationId: values.evaluatingOrganisationId,
      ...(previousEvaluationId ? { previousEvaluationId } : {}),
      phases: PHASES.filter((p) => values.phases[p].startsOn && values.phases[p].endsOn).map((phase) => ({
        phase,
        ...values.phases[phase],
      })),
    };
    plan.mutate(
      input,
      formOutcome(form, t, (created) => {
        notifySuccess(t("common:notify.created"));
        navigate(`/readiness/evaluations/${created.id}`);
      }),
    );
  });

  return (
    <>
      <PageHeader
        title={t("planForm.title")}
        breadcrumbs={[{ label: t("evaluations.title"), to: "/readiness" }, { label: t("planForm.title") }]}
      />
      <form onSubmit={submit} noValidate data-testid="evaluation-plan-form">
        <Stack maw={900}>
          <RemoteSelect
            label={t("planForm.unit")}
            placeholder={t("planForm.unitHint")}
            queryKey={["readiness", "unit-options"]}
            fetchOptions={fetchUnitOptions}
            required
            data-testid="plan-unit"
            {...form.getInputProps("unitId")}
            value={form.values.unitId || null}
            onChange={(value) => form.setFieldValue("unitId", value ?? "")}
          />
          <Select
            label={t("planForm.checklist")}
            data={versionOptions}
            required
            searchable
            data-testid="plan-version"
            {...form.getInputProps("checklistVersionId")}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t("planForm.kind")}
              data={optionsUnder(t, "kinds", EVALUATION_KINDS)}
              allowDeselect={false}
              data-testid="plan-kind"
              {...form.getInputProps("kind")}
            />
            <FormTextInput
              label={t("planForm.titleField")}
              required
              form={form}
              name="title"
              testId="plan-title"
            />
            <FormPeriodInputs
              form={form}
              type="date"
              names={["startsOn", "endsOn"]}
              labels={[t("planForm.startsOn"), t("planForm.endsOn")]}
              testIds={["plan-starts-on", "plan-ends-on"]}
              required
            />
          </SimpleGrid>
          <RemoteSelect
            label={t("planForm.evaluatingOrganisation")}
            queryKey={["readiness", "organisation-options"]}
            fetchOptions={fetchOrganisationOptions}
            clearable
            data-testid="plan-evaluating-organisation"
            {...pickerProps(form, "evaluatingOrganisationId")}
          />
          <Paper withBorder p="md">
            <Title order={2} size="h5" mb="sm">
              {t("phases.title")}
            </Title>
            <Stack gap="xs">
              {PHASES.map((phase) => (
                <Group key={phase} grow align="flex-end">
                  <Text size="sm">{t(`phases.${phase}`)}</Text>
                  <TextInput
                    type="date"
                    aria-label={`${t(`phases.${phase}`)}: ${t("planForm.phaseFrom")}`}
                    {...form.getInputProps(`phases.${phase}.startsOn`)}
                  />
                  <TextInput
                    type="date"
                    aria-label={`${t(`phases.${phase}`)}: ${t("planForm.phaseTo")}`}
                    {...form.getInputProps(`phases.${phase}.endsOn`)}
                  />
                </Group>
              ))}
            </Stack>
          </Paper>
          <Group>
            <SubmitButton write={plan} testId="plan-submit">
              {t("planForm.submit")}
            </SubmitButton>
          </Group>
        </Stack>
      </form>
    </>
  );
}
