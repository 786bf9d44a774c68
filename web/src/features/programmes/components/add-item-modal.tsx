import { Button, Modal, NumberInput, SegmentedControl, Select, Stack } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { localName, useFormat } from "../../../shared/i18n/format";
import { notifyError, notifySuccess, RemoteSelect, TextField } from "../../../shared/ui";
import { searchActivities, useAddItem, useAreas, usePlan } from "../api";
import { type ItemDialogProps, ObjectivesSelect } from "./item-dialogs";

/** Adds an activity of the catalogue, or one of the nation's own, to a programme, with the objectives it serves. */
export function AddItemModal({ programmeId, planId, opened, onClose }: ItemDialogProps) {
  const { t } = useTranslation("programmes");
  const format = useFormat();
  const areas = useAreas();
  const plan = usePlan(planId ?? undefined);
  const add = useAddItem(programmeId);
  const [source, setSource] = useState<"catalogue" | "own">("catalogue");
  const [activityId, setActivityId] = useState<string | null>(null);
  const [title, setTitle] = useState("");
  const [areaCode, setAreaCode] = useState<string | null>(null);
  const [plannedStartsOn, setPlannedStartsOn] = useState("");
  const [participants, setParticipants] = useState<number>(1);
  const [objectiveIds, setObjectiveIds] = useState<string[]>([]);

  const submit = () =>
    add.mutate(
      {
        ...(source === "catalogue"
          ? { activityId: activityId ?? undefined, areaCode: areaCode ?? undefined }
          : { title, areaCode: areaCode ?? undefined, plannedStartsOn: plannedStartsOn || null }),
        plannedParticipants: participants,
        objectiveIds,
      },
      {
        onSuccess: () => {
          notifySuccess(t("items.added"));
          setActivityId(null);
          setTitle("");
          onClose();
        },
        onError: (error) => notifyError(error, t),
      },
    );

  return (
    <Modal opened={opened} onClose={onClose} title={t("items.add")} size="lg">
      <Stack>
        <SegmentedControl
          value={source}
          onChange={(value) => setSource(value as "catalogue" | "own")}
          data={[
            { value: "catalogue", label: t("items.fromCatalogue") },
            { value: "own", label: t("items.own") },
          ]}
          data-testid="item-source"
        />
        {source === "catalogue" ? (
          <RemoteSelect
            label={t("items.activity")}
            value={activityId}
            onChange={(value) => setActivityId(value)}
            queryKey={["programmes", "activity-options"]}
            fetchOptions={searchActivities}
            data-testid="item-activity"
          />
        ) : (
          <>
            <TextField label={t("programmes.item")} value={title} onValue={setTitle} testId="item-title" />
            <TextField
              type="date"
              label={t("items.plannedFrom")}
              value={plannedStartsOn}
              onValue={setPlannedStartsOn}
            />
          </>
        )}
        <Select
          label={t("common.area")}
          searchable
          clearable
          value={areaCode}
          onChange={setAreaCode}
          data={(areas.data ?? []).map((area) => ({
            value: area.code,
            label: localName(area, format.language),
          }))}
          data-testid="item-area"
        />
        <NumberInput
          label={t("programmes.plannedParticipants")}
          min={0}
          max={10000}
          value={participants}
          onChange={(value) => setParticipants(typeof value === "number" ? value : 0)}
        />
        <ObjectivesSelect
          objectives={plan.data?.objectives}
          value={objectiveIds}
          onChange={setObjectiveIds}
        />
        <Button onClick={submit} loading={add.isPending} data-testid="item-save">
          {t("goals.save")}
        </Button>
      </Stack>
    </Modal>
  );
}
