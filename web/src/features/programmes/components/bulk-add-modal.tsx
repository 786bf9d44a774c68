import { Badge, Button, Checkbox, Group, Modal, NumberInput, ScrollArea, Stack, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../../../shared/api";
import { notifyError, notifySuccess, type RemoteOption, TextField } from "../../../shared/ui";
import { searchActivities, useInvalidate, usePlan } from "../api";
import { type ItemDialogProps, ObjectivesSelect } from "./item-dialogs";

/**
 * Several activities of the catalogue added at once: search, tick the ones wanted (the selection is kept across
 * searches), add them all. The server adds all or none; an activity it refuses is marked in the selection.
 */
export function BulkAddModal({ programmeId, planId, opened, onClose }: ItemDialogProps) {
  const { t } = useTranslation("programmes");
  const invalidate = useInvalidate();
  const plan = usePlan(planId ?? undefined);
  const [search, setSearch] = useState("");
  const [term] = useDebouncedValue(search, 250);
  const [selected, setSelected] = useState<RemoteOption[]>([]);
  const [participants, setParticipants] = useState<number | string>(1);
  const [objectiveIds, setObjectiveIds] = useState<string[]>([]);
  const [errors, setErrors] = useState<{ index: number | null; message: string }[]>([]);
  const [busy, setBusy] = useState(false);
  const results = useQuery({
    queryKey: ["programmes", "bulk-search", term],
    queryFn: () => searchActivities(term),
    enabled: opened,
  });

  const toggle = (option: RemoteOption, on: boolean) => {
    setErrors([]);
    setSelected((current) =>
      on ? [...current, option] : current.filter((chosen) => chosen.value !== option.value),
    );
  };

  const submit = async () => {
    setBusy(true);
    setErrors([]);
    try {
      await api.post(`/api/annual-programmes/${programmeId}/items/bulk`, {
        activityIds: selected.map((option) => option.value),
        ...(typeof participants === "number" ? { plannedParticipants: participants } : {}),
        ...(objectiveIds.length ? { objectiveIds } : {}),
      });
      notifySuccess(t("authoring.bulkAdded", { count: selected.length }));
      setSelected([]);
      setObjectiveIds([]);
      await invalidate();
      onClose();
    } catch (error) {
      const fields =
        error instanceof ApiError
          ? error.fields.filter((field) => field.field.startsWith("body.activityIds"))
          : [];
      if (fields.length === 0) notifyError(error, t);
      setErrors(
        fields.map((field) => {
          const index = Number(field.field.split(".")[2]);
          return { index: Number.isInteger(index) ? index : null, message: field.message };
        }),
      );
    } finally {
      setBusy(false);
    }
  };

  const refused = new Set(errors.map((error) => error.index));
  return (
    <Modal opened={opened} onClose={onClose} title={t("authoring.bulkAdd")} size="lg">
      <Stack data-testid="bulk-add">
        <TextField
          label={t("authoring.searchCatalogue")}
          value={search}
          onValue={setSearch}
          testId="bulk-search"
        />
        <ScrollArea.Autosize mah={240}>
          <Stack gap={4} data-testid="bulk-results">
            {(results.data ?? []).map((option) => (
              <Checkbox
                key={option.value}
                label={option.label}
                checked={selected.some((chosen) => chosen.value === option.value)}
                onChange={(event) => toggle(option, event.currentTarget.checked)}
                wrapperProps={{ "data-testid": "bulk-option" }}
              />
            ))}
            {results.data?.length === 0 && <Text c="dimmed">{t("common.none")}</Text>}
          </Stack>
        </ScrollArea.Autosize>
        <Stack gap={4} data-testid="bulk-selected">
          <Text size="sm" fw={600}>
            {t("authoring.selected", { count: selected.length })}
          </Text>
          <Group gap={4}>
            {selected.map((option, index) => (
              <Badge
                key={option.value}
                variant="light"
                color={refused.has(index) ? "red" : "blue"}
                style={{ textTransform: "none", cursor: "pointer" }}
                onClick={() => toggle(option, false)}
                title={t("items.remove")}
              >
                {option.label}
              </Badge>
            ))}
          </Group>
          {errors.map((error) => (
            <Text key={`${error.index}-${error.message}`} c="red" size="sm" data-testid="bulk-error">
              {error.message}
            </Text>
          ))}
        </Stack>
        <NumberInput
          label={t("programmes.plannedParticipants")}
          min={0}
          max={10000}
          value={participants}
          onChange={setParticipants}
        />
        <ObjectivesSelect
          objectives={plan.data?.objectives}
          value={objectiveIds}
          onChange={setObjectiveIds}
        />
        <Button
          onClick={() => void submit()}
          loading={busy}
          disabled={selected.length === 0}
          data-testid="bulk-save"
        >
          {t("authoring.bulkSave", { count: selected.length })}
        </Button>
      </Stack>
    </Modal>
  );
}
