import { Button, Group, Menu, Switch, Table, Text, Tooltip } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { type BookingConflict, hasErrorCode, isApiError } from "../../../shared/api";
import { usePermissions } from "../../../shared/auth";
import {
  DimmedText,
  notifyError,
  notifySuccess,
  RowActionButton,
  type RowActionButtonProps,
  TextField,
} from "../../../shared/ui";
import { useDecide, useLeaveWaitlist, useRecordAttendance, useWithdraw } from "../api";
import type { Decision, Nomination, NominationStatus } from "../types";
import { DoubleBookingModal } from "./double-booking-modal";
import { NominationStatusBadge, useDateRange } from "./labels";
import { NominationEdit } from "./nomination-edit";

interface Props {
  nominations: Nomination[];
  /** The viewer organises the event(s): decisions and attendance. */
  canManage: (nomination: Nomination) => boolean;
  /** The viewer may withdraw (a coordinator of the nation). */
  canWithdraw: (nomination: Nomination) => boolean;
  showEvent?: boolean;
  selectable?: { selected: Set<string>; onChange: (selected: Set<string>) => void };
}

// The decisions offered for each status; each shown only where the server's table allows its outcome.
const DECISIONS: Record<string, Decision[]> = {
  nominated: ["accept", "waitlist", "decline"],
  waitlisted: ["accept", "decline", "cancel"],
  accepted: ["waitlist", "decline", "cancel"],
};
const OUTCOME: Record<Decision, NominationStatus> = {
  accept: "accepted",
  waitlist: "waitlisted",
  decline: "declined",
  cancel: "cancelled",
};
const offered = (n: Nomination) =>
  (DECISIONS[n.status] ?? []).filter((d) => n.allowedTransitions.includes(OUTCOME[d]));

/** A way out of a nomination (withdrawing it, leaving the waiting list): small, quiet and red in its row. */
function ExitButton(props: Omit<RowActionButtonProps, "color">) {
  return <RowActionButton color="red" {...props} />;
}

export function NominationsTable({ nominations, canManage, canWithdraw, showEvent, selectable }: Props) {
  const { t } = useTranslation("catalogue");
  const dates = useDateRange();
  const decide = useDecide();
  const withdraw = useWithdraw();
  const leave = useLeaveWaitlist();
  const { user } = usePermissions();
  const attendance = useRecordAttendance();
  const [reason, setReason] = useState("");
  // An acceptance the server refused as a double booking, awaiting "Accept anyway" with a reason.
  const [booking, setBooking] = useState<{ nomination: Nomination; conflicts: BookingConflict[] } | null>(
    null,
  );
  // Attendance is recorded from the event's first day on (the server refuses it before).
  const today = new Date().toISOString().slice(0, 10);

  const run = async (action: () => Promise<unknown>) => {
    try {
      await action();
      notifySuccess(t("common:notify.saved"));
      setReason("");
    } catch (error) {
      notifyError(error, t);
    }
  };

  const accept = async (n: Nomination, overrideReason?: string) => {
    try {
      await decide.mutateAsync({ id: n.id, decision: "accept", reason: reason || undefined, overrideReason });
      notifySuccess(t("common:notify.saved"));
      setReason("");
      setBooking(null);
    } catch (error) {
      if (isApiError(error) && hasErrorCode(error, "DOUBLE_BOOKING"))
        setBooking({ nomination: n, conflicts: error.conflicts });
      else notifyError(error, t);
    }
  };
  const nameOf = (n: Nomination) =>
    [n.person.rankTitle, n.person.givenName, n.person.familyName].filter(Boolean).join(" ");

  if (!nominations.length) return <Text c="dimmed">{t("nominations.empty")}</Text>;
  const anyManaged = nominations.some(canManage);

  return (
    <>
      {anyManaged && (
        <TextField
          label={t("nominations.reasonPrompt")}
          value={reason}
          onValue={setReason}
          maw={480}
          mb="sm"
          testId="decision-reason"
        />
      )}
      <Table.ScrollContainer minWidth={700}>
        <Table data-testid="nominations-table">
          <Table.Thead>
            <Table.Tr>
              {selectable && <Table.Th />}
              <Table.Th>{t("nominations.person")}</Table.Th>
              <Table.Th>{t("nominations.nation")}</Table.Th>
              {showEvent && <Table.Th>{t("nominations.event")}</Table.Th>}
              <Table.Th>{t("nominations.priority")}</Table.Th>
              <Table.Th>{t("nominations.status")}</Table.Th>
              <Table.Th>{t("nominations.actions")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {nominations.map((n) => {
              const name = nameOf(n);
              return (
                <Table.Tr key={n.id} data-testid={`nomination-row-${n.person.familyName}`}>
                  {selectable && (
                    <Table.Td>
                      <Switch
                        size="xs"
                        aria-label={name}
                        checked={selectable.selected.has(n.id)}
                        onChange={(event) => {
                          const next = new Set(selectable.selected);
                          if (event.currentTarget.checked) next.add(n.id);
                          else next.delete(n.id);
                          selectable.onChange(next);
                        }}
                        data-testid={`nomination-select-${n.person.familyName}`}
                      />
                    </Table.Td>
                  )}
                  <Table.Td>
                    <Group gap={4}>
                      {name}
                      {n.warnings.length > 0 && (
                        <Tooltip label={n.warnings.map((w) => w.message).join("; ")}>
                          <IconAlertTriangle size={16} color="orange" aria-label={t("nominate.warnings")} />
                        </Tooltip>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{n.nation.code}</Table.Td>
                  {showEvent && (
                    <Table.Td>
                      <Link to={`/catalogue/events/${n.eventId}`}>{n.event.activityCode}</Link>{" "}
                      <Text span size="xs" c="dimmed">
                        {dates(n.event.startsOn, n.event.endsOn)}
                      </Text>
                    </Table.Td>
                  )}
                  <Table.Td data-testid={`nomination-priority-${n.person.familyName}`}>{n.priority}</Table.Td>
                  <Table.Td>
                    <NominationStatusBadge status={n.status} />
                    {n.statusReason && <DimmedText size="xs">{n.statusReason}</DimmedText>}
                    {n.doubleBooking && (
                      <Text size="xs" c="orange" data-testid={`double-booking-${n.person.familyName}`}>
                        {t("doubleBooking.overridden", { reason: n.doubleBooking.reason })}
                      </Text>
                    )}
                    {n.attendance && (
                      <Text size="xs">
                        {t(`nominations.attendances.${n.attendance}`)}
                        {n.completed ? ` · ${t("nominations.completed")}` : ""}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {canManage(n) &&
                        offered(n).map((decision) => (
                          <Button
                            key={decision}
                            size="compact-xs"
                            variant={decision === "accept" ? "filled" : "light"}
                            color={decision === "decline" || decision === "cancel" ? "red" : undefined}
                            loading={decide.isPending && decide.variables?.id === n.id}
                            onClick={() =>
                              decision === "accept"
                                ? accept(n)
                                : run(() =>
                                    decide.mutateAsync({ id: n.id, decision, reason: reason || undefined }),
                                  )
                            }
                            data-testid={`decide-${decision}-${n.person.familyName}`}
                          >
                            {t(`nominations.${decision}`)}
                          </Button>
                        ))}
                      {canManage(n) && n.status === "accepted" && n.event.startsOn > today && (
                        <Text size="xs" c="dimmed" data-testid={`attendance-opens-${n.person.familyName}`}>
                          {t("nominations.attendanceOpens", { date: dates(n.event.startsOn, null) })}
                        </Text>
                      )}
                      {canManage(n) && n.status === "accepted" && n.event.startsOn <= today && (
                        <Menu>
                          <Menu.Target>
                            <Button size="compact-xs" variant="default">
                              {t("nominations.attendance")}
                            </Button>
                          </Menu.Target>
                          <Menu.Dropdown>
                            {(["attended", "partly", "absent"] as const).map((value) => (
                              <Menu.Item
                                key={value}
                                onClick={() =>
                                  run(() =>
                                    attendance.mutateAsync({
                                      id: n.id,
                                      attendance: value,
                                      completed:
                                        value === "attended" ? true : value === "absent" ? false : undefined,
                                    }),
                                  )
                                }
                              >
                                {t(`nominations.attendances.${value}`)}
                              </Menu.Item>
                            ))}
                          </Menu.Dropdown>
                        </Menu>
                      )}
                      {canWithdraw(n) && ["nominated", "accepted", "waitlisted"].includes(n.status) && (
                        <NominationEdit nomination={n} />
                      )}
                      {user?.personId === n.personId && n.status === "waitlisted" && (
                        <ExitButton
                          onClick={() =>
                            run(() => leave.mutateAsync({ id: n.id, reason: reason || undefined }))
                          }
                          testId={`leave-waitlist-${n.person.familyName}`}
                        >
                          {t("offers.leave")}
                        </ExitButton>
                      )}
                      {canWithdraw(n) && n.allowedTransitions.includes("withdrawn") && (
                        <ExitButton
                          onClick={() =>
                            run(() => withdraw.mutateAsync({ id: n.id, reason: reason || undefined }))
                          }
                          testId={`withdraw-${n.person.familyName}`}
                        >
                          {t("nominations.withdraw")}
                        </ExitButton>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {booking && (
        <DoubleBookingModal
          name={nameOf(booking.nomination)}
          event={booking.nomination.event.activityCode}
          conflicts={booking.conflicts}
          loading={decide.isPending}
          onClose={() => setBooking(null)}
          onAccept={(overrideReason) => accept(booking.nomination, overrideReason)}
        />
      )}
    </>
  );
}
