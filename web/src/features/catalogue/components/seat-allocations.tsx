import { Badge, Button, Group, NumberInput, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { usePermissions } from "../../../shared/auth";
import { useFormat } from "../../../shared/i18n/format";
import { notifyError, notifySuccess, TextField } from "../../../shared/ui";
import { useGrantSeats, useRequestSeats, useSeatAllocations } from "../api";
import type { EventDetail, SeatAllocation } from "../types";
import { NationPicker } from "./pickers";

/** The organiser's grant of one nation's row: the number and Grant (an empty number takes the grant back). */
function GrantCell({ eventId, row }: { eventId: string; row: SeatAllocation }) {
  const { t } = useTranslation("catalogue");
  const grant = useGrantSeats(eventId);
  const [value, setValue] = useState<number | string>(row.granted ?? row.requested ?? "");
  const submit = async () => {
    try {
      await grant.mutateAsync({ nationId: row.nation.id, granted: typeof value === "number" ? value : null });
      notifySuccess(t("allocations.granted"));
    } catch (error) {
      notifyError(error, t);
    }
  };
  return (
    <Group gap={4} wrap="nowrap">
      <NumberInput
        aria-label={t("allocations.grant")}
        placeholder={t("allocations.grantPlaceholder")}
        min={0}
        max={100000}
        w={80}
        size="xs"
        value={value}
        onChange={setValue}
        data-testid={`allocation-grant-${row.nation.code}`}
      />
      <Button
        size="compact-sm"
        onClick={submit}
        loading={grant.isPending}
        data-testid={`allocation-grant-save-${row.nation.code}`}
      >
        {t("allocations.grant")}
      </Button>
    </Group>
  );
}

/** A coordinator asks for seats of the nation (administrators for any nation). */
function RequestForm({ eventId }: { eventId: string }) {
  const { t } = useTranslation("catalogue");
  const { user } = usePermissions();
  const coordinated = (user?.grants ?? [])
    .filter((grant) => grant.role === "national_coordinator" && grant.nationId)
    .map((grant) => grant.nationId!);
  const request = useRequestSeats(eventId);
  const [nationId, setNationId] = useState<string | null>(coordinated[0] ?? null);
  const [requested, setRequested] = useState<number | string>("");
  const [note, setNote] = useState("");
  const submit = async () => {
    if (!nationId || typeof requested !== "number") return;
    try {
      await request.mutateAsync({ nationId, requested, note: note.trim() || undefined });
      notifySuccess(t("allocations.requestedDone"));
      setNote("");
    } catch (error) {
      notifyError(error, t);
    }
  };
  return (
    <Stack gap="xs" data-testid="allocation-request-form">
      <Text fw={500}>{t("allocations.requestTitle")}</Text>
      <Group grow wrap="wrap" align="flex-end">
        {coordinated.length !== 1 && (
          <NationPicker
            label={t("event.nation")}
            placeholder={t("allocations.nationPlaceholder")}
            value={nationId}
            onChange={setNationId}
            data-testid="allocation-request-nation"
          />
        )}
        <NumberInput
          label={t("allocations.requested")}
          placeholder={t("allocations.requestedPlaceholder")}
          min={0}
          max={100000}
          value={requested}
          onChange={setRequested}
          data-testid="allocation-request-seats"
        />
        <TextField
          label={t("allocations.note")}
          placeholder={t("allocations.notePlaceholder")}
          value={note}
          onValue={setNote}
        />
      </Group>
      <Group>
        <Button
          onClick={submit}
          disabled={!nationId || typeof requested !== "number"}
          loading={request.isPending}
          data-testid="allocation-request-submit"
        >
          {t("allocations.request")}
        </Button>
      </Group>
    </Stack>
  );
}

/** The organiser grants a nation that has not asked (nor nominated) yet. */
function GrantOther({ eventId }: { eventId: string }) {
  const { t } = useTranslation("catalogue");
  const grant = useGrantSeats(eventId);
  const [nationId, setNationId] = useState<string | null>(null);
  const [granted, setGranted] = useState<number | string>("");
  const submit = async () => {
    if (!nationId || typeof granted !== "number") return;
    try {
      await grant.mutateAsync({ nationId, granted });
      notifySuccess(t("allocations.granted"));
      setNationId(null);
      setGranted("");
    } catch (error) {
      notifyError(error, t);
    }
  };
  return (
    <Group grow wrap="wrap" align="flex-end">
      <NationPicker
        label={t("allocations.otherNation")}
        placeholder={t("allocations.nationPlaceholder")}
        value={nationId}
        onChange={setNationId}
        data-testid="allocation-other-nation"
      />
      <NumberInput
        label={t("allocations.granted")}
        placeholder={t("allocations.grantPlaceholder")}
        min={0}
        max={100000}
        value={granted}
        onChange={setGranted}
        data-testid="allocation-other-seats"
      />
      <Button
        onClick={submit}
        disabled={!nationId || typeof granted !== "number"}
        loading={grant.isPending}
        data-testid="allocation-other-save"
      >
        {t("allocations.grant")}
      </Button>
    </Group>
  );
}

/**
 * Per-nation seat allocations on an event's page: the organiser sees every nation's request, grant and use and
 * grants; a coordinator sees the nation's own row and the totals, and requests seats.
 */
export function SeatAllocations({ event }: { event: EventDetail }) {
  const { t } = useTranslation("catalogue");
  const { date, dateTime } = useFormat();
  const allocations = useSeatAllocations(event.id);
  const list = allocations.data;
  if (!list || (!list.items.length && !list.canGrant && !list.canRequest)) return null;
  const settled = list.reallocatedAt !== null;
  return (
    <Paper withBorder p="md" data-testid="seat-allocations">
      <Title order={2} size="h4" mb="xs">
        {t("allocations.title")}
      </Title>
      <Stack gap="sm">
        <Text size="sm" c="dimmed" data-testid="allocations-reallocation">
          {settled
            ? t("allocations.reallocated", { date: dateTime(list.reallocatedAt!) })
            : list.reallocationDate
              ? t("allocations.reallocatesOn", { date: date(list.reallocationDate) })
              : t("allocations.noReallocation")}
        </Text>
        <Group gap="xs">
          <Badge variant="light">
            {t("allocations.requested")}: {list.totals.requested}
          </Badge>
          <Badge variant="light" color="green" data-testid="allocations-total-granted">
            {t("allocations.granted")}: {list.totals.granted}
            {list.capacity !== null ? ` / ${list.capacity}` : ""}
          </Badge>
          <Badge variant="light" color="blue">
            {t("allocations.held")}: {list.totals.held}
          </Badge>
          {list.totals.pool !== null && (
            <Badge variant="outline">
              {t("allocations.pool")}: {list.totals.pool}
            </Badge>
          )}
        </Group>
        {list.items.length > 0 && (
          <Table.ScrollContainer minWidth={460}>
            <Table data-testid="allocations-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("event.nation")}</Table.Th>
                  <Table.Th>{t("allocations.requested")}</Table.Th>
                  <Table.Th>{t("allocations.granted")}</Table.Th>
                  <Table.Th>{t("allocations.held")}</Table.Th>
                  <Table.Th>{t("event.waitlisted")}</Table.Th>
                  {list.canGrant && !settled && <Table.Th>{t("allocations.grant")}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.items.map((row) => (
                  <Table.Tr key={row.nation.id} data-testid={`allocation-row-${row.nation.code}`}>
                    <Table.Td>{row.nation.code}</Table.Td>
                    <Table.Td title={row.requestNote ?? undefined}>{row.requested ?? "—"}</Table.Td>
                    <Table.Td data-testid={`allocation-granted-${row.nation.code}`}>
                      {row.granted ?? "—"}
                    </Table.Td>
                    <Table.Td data-testid={`allocation-held-${row.nation.code}`}>
                      {row.held}
                      {row.limit !== null ? ` / ${row.limit}` : ""}
                    </Table.Td>
                    <Table.Td>{row.waitlisted}</Table.Td>
                    {list.canGrant && !settled && (
                      <Table.Td>
                        <GrantCell key={`${row.granted}`} eventId={event.id} row={row} />
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {list.canGrant && !settled && <GrantOther eventId={event.id} />}
        {list.canRequest && !settled && <RequestForm eventId={event.id} />}
      </Stack>
    </Paper>
  );
}
