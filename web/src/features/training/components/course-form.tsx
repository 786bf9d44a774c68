import { ActionIcon, Button, Group, Modal, NumberInput, Select, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { api, type Page } from "../../../shared/api";
import { numberOrNull } from "../../../shared/form-values";
import {
  FormButtons,
  notifyFormError,
  notifySuccess,
  optionsUnder,
  pickerProps,
  RemoteSelect,
} from "../../../shared/ui";
import { FormTextarea } from "../../../shared/ui/form-textarea";
import { useInvalidateTraining, useQualifications } from "../api";
import type { Course } from "../types";
import { QualificationForm } from "./qualification-form";

const KINDS = ["test", "exercise", "participation"] as const;

interface Component {
  code: string;
  title: string;
  kind: (typeof KINDS)[number];
  maxScore: number | string;
  weight: number | string;
}

const valuesOf = (course?: Course) => ({
  activityId: course?.activityId ?? (null as string | null),
  qualificationCode: course?.qualification?.code ?? (null as string | null),
  certificateValidityYears: (course?.certificateValidityYears ?? "") as number | string,
  objectives: course?.objectives.join("\n") ?? "",
  assessment: {
    passMark: (course?.assessment.passMark ?? 70) as number | string,
    minAttendancePercent: (course?.assessment.minAttendancePercent ?? "") as number | string,
    components: (course?.assessment.components ?? [
      { code: "T1", title: "", kind: "test", maxScore: 100, weight: 1 },
    ]) as Component[],
  },
});
type Values = ReturnType<typeof valuesOf>;

const fetchCourseActivities = (q: string) =>
  api
    .get<Page<{ id: string; code: string; titleEn: string }>>("/api/activities", {
      q,
      kind: "course",
      limit: 20,
    })
    .then((page) => page.items.map((a) => ({ value: a.id, label: `${a.code} · ${a.titleEn}` })));

/** The body the API takes, from the form's values. */
function bodyOf(values: Values) {
  const minAttendance = numberOrNull(values.assessment.minAttendancePercent);
  return {
    qualificationCode: values.qualificationCode,
    certificateValidityYears: numberOrNull(values.certificateValidityYears),
    objectives: values.objectives
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean),
    assessment: {
      passMark: Number(values.assessment.passMark),
      ...(minAttendance === null ? {} : { minAttendancePercent: minAttendance }),
      components: values.assessment.components.map((c) => ({
        code: c.code.trim(),
        title: c.title.trim(),
        kind: c.kind,
        maxScore: Number(c.maxScore),
        weight: Number(c.weight),
      })),
    },
  };
}

/**
 * Defines a course on a course activity, or edits one: the qualification it confers (an existing one, or a new one
 * defined here), validity, objectives and the assessment scheme. On edit only the changed fields are sent; the
 * server's field errors appear beside the fields.
 */
export function CourseForm({ course, onClose }: { course?: Course; onClose: () => void }) {
  const { t } = useTranslation("training");
  const navigate = useNavigate();
  const invalidate = useInvalidateTraining();
  const qualifications = useQualifications();
  const [defining, setDefining] = useState(false);
  const form = useForm<Values>({
    initialValues: valuesOf(course),
    validate: {
      activityId: (value) => (course || value ? null : t("authoring.required")),
      assessment: {
        components: {
          code: (value) => (value.trim() ? null : t("authoring.required")),
          title: (value) => (value.trim() ? null : t("authoring.required")),
        },
      },
    },
  });
  const submit = form.onSubmit(async (values) => {
    const body = bodyOf(values);
    try {
      if (course) {
        const dirty = (key: string) => Object.keys(form.getDirty()).some((path) => path.startsWith(key));
        const patch = Object.fromEntries(Object.entries(body).filter(([key]) => dirty(key)));
        if (Object.keys(patch).length) await api.patch(`/api/training/courses/${course.id}`, patch);
        await invalidate();
        notifySuccess(t("common:notify.saved"));
        onClose();
      } else {
        const created = await api.post<Course>("/api/training/courses", {
          activityId: values.activityId,
          ...body,
        });
        await invalidate();
        notifySuccess(t("common:notify.created"));
        navigate(`/training/courses/${created.id}`);
      }
    } catch (error) {
      notifyFormError(form, error, t);
    }
  });
  const qualificationOptions = [
    { value: "", label: t("authoring.noQualification") },
    ...(qualifications.data ?? []).map((q) => ({ value: q.code, label: `${q.code} · ${q.name.en}` })),
  ];
  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={course ? t("authoring.editCourse") : t("authoring.newCourse")}
    >
      <form onSubmit={submit} noValidate data-testid="course-form">
        <Stack>
          {!course && (
            <RemoteSelect
              required
              label={t("authoring.activity")}
              queryKey={["training", "course-activities"]}
              fetchOptions={fetchCourseActivities}
              {...pickerProps(form, "activityId")}
              data-testid="course-activity"
            />
          )}
          <Group align="flex-end">
            <Select
              style={{ flex: 1 }}
              label={t("authoring.qualification")}
              data={qualificationOptions}
              value={form.values.qualificationCode ?? ""}
              onChange={(value) => form.setFieldValue("qualificationCode", value || null)}
              error={form.errors.qualificationCode}
              allowDeselect={false}
              searchable
              data-testid="course-qualification"
            />
            <Button variant="default" onClick={() => setDefining(true)} data-testid="qualification-new">
              {t("authoring.newQualification")}
            </Button>
          </Group>
          <NumberInput
            min={1}
            max={50}
            label={t("authoring.certificateValidityYears")}
            {...form.getInputProps("certificateValidityYears")}
          />
          <FormTextarea
            label={t("authoring.objectives")}
            form={form}
            name="objectives"
            testId="course-objectives"
          />
          <Group grow>
            <NumberInput
              min={0}
              max={100}
              label={t("authoring.passMark")}
              {...form.getInputProps("assessment.passMark")}
              data-testid="course-pass-mark"
            />
            <NumberInput
              min={0}
              max={100}
              label={t("authoring.minAttendance")}
              {...form.getInputProps("assessment.minAttendancePercent")}
            />
          </Group>
          <Text fw={500} size="sm">
            {t("authoring.components")}
          </Text>
          {form.errors["assessment.components"] && (
            <Text c="red" size="sm">
              {form.errors["assessment.components"]}
            </Text>
          )}
          {form.values.assessment.components.map((_component, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the rows are edited in place, in order
            <Group key={index} align="flex-start" wrap="wrap" data-testid={`component-${index}`}>
              <TextInput
                w={90}
                label={t("authoring.componentCode")}
                {...form.getInputProps(`assessment.components.${index}.code`)}
                data-testid={`component-code-${index}`}
              />
              <TextInput
                style={{ flex: 1 }}
                miw={160}
                label={t("authoring.componentTitle")}
                {...form.getInputProps(`assessment.components.${index}.title`)}
                data-testid={`component-title-${index}`}
              />
              <Select
                w={150}
                label={t("authoring.componentKind")}
                data={optionsUnder(t, "kinds", KINDS)}
                allowDeselect={false}
                {...form.getInputProps(`assessment.components.${index}.kind`)}
              />
              <NumberInput
                w={110}
                label={t("authoring.maxScore")}
                {...form.getInputProps(`assessment.components.${index}.maxScore`)}
                data-testid={`component-max-${index}`}
              />
              <NumberInput
                w={90}
                label={t("authoring.weight")}
                {...form.getInputProps(`assessment.components.${index}.weight`)}
              />
              <ActionIcon
                mt={26}
                variant="subtle"
                color="red"
                aria-label={t("authoring.removeComponent")}
                disabled={form.values.assessment.components.length === 1}
                onClick={() => form.removeListItem("assessment.components", index)}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button
              variant="subtle"
              size="xs"
              onClick={() =>
                form.insertListItem("assessment.components", {
                  code: `C${form.values.assessment.components.length + 1}`,
                  title: "",
                  kind: "test",
                  maxScore: 100,
                  weight: 1,
                })
              }
            >
              {t("authoring.addComponent")}
            </Button>
          </Group>
          <FormButtons submit={t("authoring.save")} loading={form.submitting} testId="course-save" />
        </Stack>
      </form>
      {defining && (
        <QualificationForm
          onClose={() => setDefining(false)}
          onSaved={(q) => form.setFieldValue("qualificationCode", q.code)}
        />
      )}
    </Modal>
  );
}
