import { Group, Select, Text, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import {
  closeClearing,
  codeInputProps,
  FormButtons,
  FormLines,
  FormModal,
  FormTextInput,
  formSaved,
  pickerProps,
  ReleasabilitySelect,
  RemoveLineButton,
} from "../../../shared/ui";
import { useCreateExercise } from "../api";
import { EXERCISE_KINDS, type ExerciseKind } from "../types";
import { FromUntilInputs } from "./from-until-fields";
import { NationPicker } from "./nation-picker";
import { OrganisationPicker } from "./organisation-picker";

interface StageValues {
  hostNationId: string | null;
  place: string;
  startsOn: string;
  endsOn: string;
}

interface ExerciseValues {
  code: string;
  name: string;
  kind: ExerciseKind;
  leadOrganisationId: string | null;
  startsOn: string;
  endsOn: string;
  scenario: string;
  releasability: "public" | "internal" | "restricted";
  stages: StageValues[];
}

const emptyStage: StageValues = { hostNationId: null, place: "", startsOn: "", endsOn: "" };

/** Starts the next exercise: name, kind, lead organisation, dates and its stages (possibly in several states). */
export function ExerciseFormModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation("operations");
  const navigate = useNavigate();
  const create = useCreateExercise();
  const required = (value: unknown) => (value ? null : t("common:errors.required"));
  const form = useForm<ExerciseValues>({
    initialValues: {
      code: "",
      name: "",
      kind: "live",
      leadOrganisationId: null,
      startsOn: "",
      endsOn: "",
      scenario: "",
      releasability: "internal",
      stages: [{ ...emptyStage }],
    },
    validate: {
      code: (value) => (/^[A-Z0-9][A-Z0-9_.-]{1,59}$/.test(value) ? null : t("form.codeHint")),
      name: required,
      leadOrganisationId: required,
      startsOn: required,
      endsOn: (value, values) =>
        !value ? t("common:errors.required") : value < values.startsOn ? t("form.endBeforeStart") : null,
      stages: {
        hostNationId: required,
        startsOn: required,
        endsOn: (value, values, path) => {
          const index = Number(path.split(".")[1]);
          const stage = values.stages[index];
          return !value
            ? t("common:errors.required")
            : stage && value < stage.startsOn
              ? t("form.endBeforeStart")
              : null;
        },
      },
    },
  });

  const close = closeClearing(form, onClose);

  const submit = form.onSubmit((values) => {
    create.mutate(
      {
        code: values.code,
        name: values.name.trim(),
        kind: values.kind,
        status: "planning",
        leadOrganisationId: values.leadOrganisationId,
        startsOn: values.startsOn,
        endsOn: values.endsOn,
        scenario: values.scenario.trim() || null,
        releasability: values.releasability,
        stages: values.stages.map((stage, index) => ({
          stageNo: index + 1,
          hostNationId: stage.hostNationId,
          place: stage.place.trim() || null,
          startsOn: stage.startsOn,
          endsOn: stage.endsOn,
        })),
      },
      formSaved(form, t, (exercise) => {
        close();
        navigate(`/exercises/${exercise.id}`);
      }),
    );
  });

  return (
    <FormModal
      opened={opened}
      onClose={close}
      title={t("form.title")}
      size="xl"
      centered
      onSubmit={submit}
      testId="exercise-form"
    >
      <Group grow align="flex-start">
        <TextInput
          label={t("form.code")}
          description={t("form.codeHint")}
          required
          data-testid="exercise-code"
          {...codeInputProps(form)}
        />
        <FormTextInput form={form} name="name" label={t("exercises.name")} required testId="exercise-name" />
      </Group>
      <Group grow align="flex-start">
        <Select
          label={t("exercises.kind")}
          required
          allowDeselect={false}
          data={EXERCISE_KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
          {...form.getInputProps("kind")}
        />
        <OrganisationPicker
          label={t("exercises.lead")}
          required
          data-testid="exercise-lead"
          {...pickerProps(form, "leadOrganisationId")}
        />
        <ReleasabilitySelect label={t("form.releasability")} {...form.getInputProps("releasability")} />
      </Group>
      <Group grow align="flex-start">
        <FromUntilInputs form={form} required="both" testIds={["exercise-starts", "exercise-ends"]} />
      </Group>
      <Textarea label={t("exercises.scenario")} autosize minRows={2} {...form.getInputProps("scenario")} />
      <FormLines
        title={t("stages.title")}
        lines={form.values.stages}
        align="flex-start"
        wrap="nowrap"
        lineTestId={(index) => `exercise-stage-${index + 1}`}
        add={{
          label: t("form.addStage"),
          onClick: () => form.insertListItem("stages", { ...emptyStage }),
          testId: "exercise-add-stage",
        }}
      >
        {(stage, index) => (
          <>
            <Text size="sm" mt={30} w={70}>
              {t("stages.stage", { n: index + 1 })}
            </Text>
            <NationPicker
              label={t("exercises.hosts")}
              required
              value={stage.hostNationId}
              onChange={(value) => form.setFieldValue(`stages.${index}.hostNationId`, value)}
              error={form.errors[`stages.${index}.hostNationId`]}
              data-testid={`stage-nation-${index + 1}`}
              w={220}
            />
            <TextInput label={t("stages.place")} {...form.getInputProps(`stages.${index}.place`)} />
            <FromUntilInputs
              form={form}
              at={`stages.${index}.`}
              required="both"
              testIds={[`stage-starts-${index + 1}`, `stage-ends-${index + 1}`]}
            />
            {form.values.stages.length > 1 && (
              <RemoveLineButton mt={28} onClick={() => form.removeListItem("stages", index)} />
            )}
          </>
        )}
      </FormLines>
      <FormButtons
        submit={t("common:actions.create")}
        loading={create.isPending}
        testId="exercise-submit"
        cancel={{ label: t("common:actions.cancel"), onClick: close }}
      />
    </FormModal>
  );
}
