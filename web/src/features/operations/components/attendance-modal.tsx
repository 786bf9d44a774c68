import { Button, Group, Modal, NumberInput, Stack, Text } from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { notifyError, notifySuccess, RemoveLineButton, SmallAddButton } from "../../../shared/ui";
import { useSetAttendance } from "../api";
import type { Conference } from "../types";
import { NationPicker } from "./nation-picker";

interface Line {
  nationId: string | null;
  label: string | null;
  attendees: number | string;
}

/** Records how many people each nation sent to a planning conference (the whole list is saved at once). */
export function AttendanceModal({
  exerciseId,
  conference,
  onClose,
}: {
  exerciseId: string;
  conference: Conference | null;
  onClose: () => void;
}) {
  const { t } = useTranslation("operations");
  const save = useSetAttendance(exerciseId);
  const [lines, setLines] = useState<Line[]>([]);

  useEffect(() => {
    if (!conference) return;
    const existing = conference.attendance.map((a) => ({
      nationId: a.nation.id,
      label: `${a.nation.code} — ${a.nation.nameEn}`,
      attendees: a.attendees,
    }));
    setLines(existing.length ? existing : [{ nationId: null, label: null, attendees: "" }]);
  }, [conference]);

  const change = (index: number, patch: Partial<Line>) =>
    setLines(lines.map((line, i) => (i === index ? { ...line, ...patch } : line)));

  const submit = () => {
    if (!conference) return;
    const entries = lines
      .filter((line) => line.nationId && line.attendees !== "")
      .map((line) => ({ nationId: line.nationId!, attendees: Number(line.attendees) }));
    save.mutate(
      { conferenceId: conference.id, entries },
      {
        onSuccess: () => {
          notifySuccess(t("common:notify.saved"));
          onClose();
        },
        onError: (error) => notifyError(error, t),
      },
    );
  };

  const total = lines.reduce((sum, line) => sum + (Number(line.attendees) || 0), 0);
  return (
    <Modal
      opened={!!conference}
      onClose={onClose}
      title={conference ? `${t("attendance.record")} — ${t(`conferences.kinds.${conference.kind}`)}` : ""}
      size="lg"
      centered
    >
      <Stack data-testid="attendance-form">
        {lines.map((line, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: lines are known by their place
          <Group key={index} align="flex-end" wrap="nowrap">
            <NationPicker
              label={t("attendance.nation")}
              value={line.nationId}
              initialOption={line.nationId && line.label ? { value: line.nationId, label: line.label } : null}
              onChange={(value, option) => change(index, { nationId: value, label: option?.label ?? null })}
              data-testid={`attendance-nation-${index}`}
              style={{ flex: 1 }}
            />
            <NumberInput
              label={t("attendance.attendees")}
              value={line.attendees}
              min={0}
              max={10000}
              onChange={(value) => change(index, { attendees: value })}
              data-testid={`attendance-count-${index}`}
              w={120}
            />
            <RemoveLineButton mb={4} onClick={() => setLines(lines.filter((_, i) => i !== index))} />
          </Group>
        ))}
        <Group justify="space-between">
          <SmallAddButton
            variant="subtle"
            onClick={() => setLines([...lines, { nationId: null, label: null, attendees: "" }])}
            testId="attendance-add-line"
          >
            {t("attendance.addLine")}
          </SmallAddButton>
          <Text size="sm">
            {t("total")}: {total}
          </Text>
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common:actions.cancel")}
          </Button>
          <Button onClick={submit} loading={save.isPending} data-testid="attendance-submit">
            {t("common:actions.save")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
