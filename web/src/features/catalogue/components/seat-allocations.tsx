import { Badge, Button, Group, NumberInput, type NumberInputProps, Stack, Table, Text } from "@mantine/core";
import type { TFunction } from "i18next";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { usePermissions } from "../../../shared/auth";
import { numberOrNull } from "../../../shared/form-values";
import { useFormat } from "../../../shared/i18n/format";
import {
  labelsUnder,
  notifyError,
  notifySuccess,
  PlainTable,
  SectionCard,
  TextField,
} from "../../../shared/ui";
import { useGrantSeats, useRequestSeats, useSeatAllocations } from "../api";
import type { EventDetail, SeatAllocation } from "../types";
import { NationPicker } from "./pickers";

/** A number of seats, as every form here asks it. */
function SeatsInput(props: Omit<NumberInputProps, "min" | "max">) {
  return <NumberInput min={0} max={100000} {...props} />;
}

/** A seats write: on success `done` is notified and `then` runs; a failure is notified. */
async function writeSeats(write: () => Promise<unknown>, t: TFunction, done: string, then?: () => void) {
  try {
    await write();
    notifySuccess(done);
    then?.();
  } catch (error) {
    notifyError(error, t);
  }
}

/** The organiser's grant of one nation's row: the number and Grant (an empty number takes the grant back). */
function GrantCell({ eventId, row }: { eventId: string; row: SeatAllocation }) {
  const { t } = useTranslation("catalogue");
  const grant = useGrantSeats(eventId);
  const [value, setValue] = useState<number | string>(row.granted ?? row.requested ?? "");
  const submit = () =>
    writeSeats(
      () => grant.mutateAsync({ nationId: row.nation.id, granted: numberOrNull(value) }),
      t,
      t("allocations.granted"),
    );
  return (
    <Group gap={4} wrap="nowrap">
      <SeatsInput
        aria-label={t("allocations.grant")}
        placeholder={t("allocations.grantPlaceholder")}
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

/** A nation and a number of seats, the two fields both seat forms ask. */
function useNationSeats(initialNation: string | null) {
  const [nationId, setNationId] = useState<string | null>(initialNation);
  const [seats, setSeats] = useState<number | string>("");
  const ready = nationId && typeof seats === "number" ? { nationId, seats } : null;
  const clear = () => {
    setNationId(null);
    setSeats("");
  };
  return { nationId, setNationId, seats, setSeats, ready, clear };
}

/** The fields of `useNationSeats` (the nation's left out when it is known), test ids `allocation-<form>-…`. */
function NationSeatsFields({
  fields,
  form,
  withNation = true,
  nationLabel,
  seatsLabel,
  seatsPlaceholder,
}: {
  fields: ReturnType<typeof useNationSeats>;
  form: string;
  withNation?: boolean;
  nationLabel: string;
  seatsLabel: string;
  seatsPlaceholder: string;
}) {
  const { t } = useTranslation("catalogue");
  return (
    <>
      {withNation && (
        <NationPicker
          label={nationLabel}
          placeholder={t("allocations.nationPlaceholder")}
          value={fields.nationId}
          onChange={fields.setNationId}
          data-testid={`allocation-${form}-nation`}
        />
      )}
      <SeatsInput
        label={seatsLabel}
        placeholder={seatsPlaceholder}
        value={fields.seats}
        onChange={fields.setSeats}
        data-testid={`allocation-${form}-seats`}
      />
    </>
  );
}

/** The submit of a `useNationSeats` form, usable once both its fields are filled in. */
function SeatsButton(props: {
  fields: ReturnType<typeof useNationSeats>;
  onClick: () => void;
  loading: boolean;
  testId: string;
  children: ReactNode;
}) {
  return (
    <Button
      onClick={props.onClick}
      disabled={!props.fields.ready}
      loading={props.loading}
      data-testid={props.testId}
    >
      {props.children}
    </Button>
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
  const fields = useNationSeats(coordinated[0] ?? null);
  const [note, setNote] = useState("");
  const submit = async () => {
    const { ready } = fields;
    if (!ready) return;
    await writeSeats(
      () =>
        request.mutateAsync({
          nationId: ready.nationId,
          requested: ready.seats,
          note: note.trim() || undefined,
        }),
      t,
      t("allocations.requestedDone"),
      () => setNote(""),
    );
  };
  return (
    <Stack gap="xs" data-testid="allocation-request-form">
      <Text fw={500}>{t("allocations.requestTitle")}</Text>
      <Group grow wrap="wrap" align="flex-end">
        <NationSeatsFields
          fields={fields}
          form="request"
          withNation={coordinated.length !== 1}
          nationLabel={t("event.nation")}
          seatsLabel={t("allocations.requested")}
          seatsPlaceholder={t("allocations.requestedPlaceholder")}
        />
        <TextField
          label={t("allocations.note")}
          placeholder={t("allocations.notePlaceholder")}
          value={note}
          onValue={setNote}
        />
      </Group>
      <Group>
        <SeatsButton
          fields={fields}
          onClick={submit}
          loading={request.isPending}
          testId="allocation-request-submit"
        >
          {t("allocations.request")}
        </SeatsButton>
      </Group>
    </Stack>
  );
}

/** The organiser grants a nation that has not asked (nor nominated) yet. */
function GrantOther({ eventId }: { eventId: string }) {
  const { t } = useTranslation("catalogue");
  const grant = useGrantSeats(eventId);
  const fields = useNationSeats(null);
  const submit = async () => {
    const { ready } = fields;
    if (!ready) return;
    await writeSeats(
      () => grant.mutateAsync({ nationId: ready.nationId, granted: ready.seats }),
      t,
      t("allocations.granted"),
      fields.clear,
    );
  };
  return (
    <Group grow wrap="wrap" align="flex-end">
      <NationSeatsFields
        fields={fields}
        form="other"
        nationLabel={t("allocations.otherNation")}
        seatsLabel={t("allocations.granted")}
        seatsPlaceholder={t("allocations.grantPlaceholder")}
      />
      <SeatsButton fields={fields} onClick={submit} loading={grant.isPending} testId="allocation-other-save">
        {t("allocations.grant")}
      </SeatsButton>
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
    <SectionCard title={t("allocations.title")} testId="seat-allocations">
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
          <PlainTable
            minWidth={460}
            data-testid="allocations-table"
            columns={[
              t("event.nation"),
              ...labelsUnder(t, "allocations", ["requested", "granted", "held"]),
              t("event.waitlisted"),
              ...(list.canGrant && !settled ? [t("allocations.grant")] : []),
            ]}
          >
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
          </PlainTable>
        )}
        {list.canGrant && !settled && <GrantOther eventId={event.id} />}
        {list.canRequest && !settled && <RequestForm eventId={event.id} />}
      </Stack>
    </SectionCard>
  );
}
