import { Button, Group, NumberInput, Stack, Table, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../../shared/i18n/format";
import {
  ConfirmButton,
  confirmOutcome,
  notifyFormError,
  notifySuccess,
  PlainTable,
  pickerProps,
  SectionCard,
} from "../../../shared/ui";
import { useAddStage, useRemoveStage } from "../api";
import type { ExerciseDetail } from "../types";
import { FromUntilInputs } from "./from-until-fields";
import { NationPicker } from "./nation-picker";

interface StageValues {
  stageNo: number | string;
  hostNationId: string | null;
  place: string;
  startsOn: string;
  endsOn: string;
}

const nextNumber = (exercise: ExerciseDetail) => Math.max(0, ...exercise.stages.map((s) => s.stageNo)) + 1;

/** An exercise's stages: everyone reads them; its owner adds one (within the exercise's dates) or removes one. */
export function ExerciseStages({ exercise }: { exercise: ExerciseDetail }) {
  const { t } = useTranslation("operations");
  const format = useFormat();
  const add = useAddStage(exercise.id);
  const remove = useRemoveStage(exercise.id);
  const required = (value: unknown) => (value === "" || value === null ? t("authoring.required") : null);
  const form = useForm<StageValues>({
    initialValues: { stageNo: nextNumber(exercise), hostNationId: null, place: "", startsOn: "", endsOn: "" },
    validate: { stageNo: required, hostNationId: required, startsOn: required, endsOn: required },
  });

  const submit = form.onSubmit(async (values) => {
    try {
      const updated = await add.mutateAsync({
        stageNo: Number(values.stageNo),
        hostNationId: values.hostNationId,
        place: values.place.trim() || null,
        startsOn: values.startsOn,
        endsOn: values.endsOn,
      });
      notifySuccess(t("common:notify.saved"));
      form.setValues({
        stageNo: nextNumber(updated),
        hostNationId: null,
        place: "",
        startsOn: "",
        endsOn: "",
      });
    } catch (error) {
      notifyFormError(form, error, t);
    }
  });

  return (
    <SectionCard title={t("stages.title")} testId="stages">
      <PlainTable minWidth={480}>
        {exercise.stages.map((stage) => (
          <Table.Tr key={stage.id} data-testid={`stage-${stage.stageNo}`}>
            <Table.Td>{t("stages.stage", { n: stage.stageNo })}</Table.Td>
            <Table.Td>{stage.hostNation.nameEn}</Table.Td>
            <Table.Td>{stage.place}</Table.Td>
            <Table.Td>
              {format.date(stage.startsOn)} – {format.date(stage.endsOn)}
            </Table.Td>
            {exercise.canEdit && (
              <Table.Td ta="right">
                <ConfirmButton
                  size="compact-xs"
                  variant="subtle"
                  message={t("authoring.removeStageConfirm", { n: stage.stageNo })}
                  onConfirm={() =>
                    confirmOutcome(remove.mutateAsync(stage.id), t, t("common:notify.deleted"))
                  }
                  data-testid={`stage-remove-${stage.stageNo}`}
                >
                  {t("authoring.removeStage")}
                </ConfirmButton>
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </PlainTable>
      {exercise.canEdit && (
        <form onSubmit={submit} noValidate data-testid="stage-form">
          <Stack gap="xs" mt="sm">
            <Group align="flex-start" wrap="wrap">
              <NumberInput
                label={t("authoring.stageNo")}
                min={1}
                max={20}
                w={80}
                {...form.getInputProps("stageNo")}
                data-testid="stage-no"
              />
              <NationPicker
                label={t("authoring.hostNation")}
                {...pickerProps(form, "hostNationId")}
                w={{ base: "100%", sm: 240 }}
                data-testid="stage-nation"
              />
              <TextInput
                label={t("authoring.place")}
                {...form.getInputProps("place")}
                data-testid="stage-place"
              />
              <FromUntilInputs
                form={form}
                words="startsEnds"
                required="none"
                testIds={["stage-starts", "stage-ends"]}
              />
            </Group>
            <Group>
              <Button type="submit" size="xs" loading={add.isPending} data-testid="stage-add">
                {t("authoring.addStage")}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </SectionCard>
  );
}
