import { Button, Group, Modal, NumberInput, Select, Stack, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import { api } from "../../../shared/api";
import { numberOrNull } from "../../../shared/form-values";
import { optionsUnder, TextField } from "../../../shared/ui";
import type { ActivityDetail } from "../types";
import { useCatalogueWrite } from "./catalogue-write";

// Back to draft is the server's to allow, not a button of the page; a proposal's approval or rejection is alliance
// staff's (ProposalDecision), not its organisers'.
const offered = (activity: ActivityDetail) =>
  activity.allowedTransitions.filter(
    (s) => s !== "draft" && !(activity.status === "proposed" && (s === "published" || s === "rejected")),
  );

/** The organiser's controls on an activity: edit, move through its life cycle, copy to a year, add an event. */
/** Six weeks before a date (YYYY-MM-DD), the default re-allocation date of a new event; "" without a date. */
function sixWeeksBefore(date: string) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return "";
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 42);
  return day.toISOString().slice(0, 10);
}

export function ActivityActions({ activity }: { activity: ActivityDetail }) {
  const { t } = useTranslation("catalogue");
  const navigate = useNavigate();
  const { run } = useCatalogueWrite();
  const [eventOpen, setEventOpen] = useState(false);
  const [cancelOpen, setCancelOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [event, setEvent] = useState({
    startsOn: "",
    endsOn: "",
    city: activity.city ?? "",
    capacity: "" as number | string,
    acceptance: "manual",
    reallocationDate: "",
  });
  // The re-allocation date follows the start (six weeks before it) until it is set by hand.
  const [reallocationTouched, setReallocationTouched] = useState(false);

  // A proposal is withdrawn by its organisers rather than cancelled.
  const cancelLabel = activity.status === "proposed" ? "proposals.withdraw" : "form.to.cancelled";
  const setStatus = (status: string, withReason?: string) =>
    run(() =>
      api.post(
        `/api/activities/${activity.id}/status`,
        withReason ? { status, reason: withReason } : { status },
      ),
    );

  return (
    <Group gap="xs">
      <Button component={Link} to={`/catalogue/activities/${activity.id}/edit`} variant="default" size="xs">
        {t("form.edit")}
      </Button>
      {offered(activity)
        .filter((status) => status !== "cancelled")
        .map((status) => (
          <Button
            key={status}
            size="xs"
            variant="light"
            onClick={() => setStatus(status)}
            data-testid={`activity-status-${status}`}
          >
            {t(`form.to.${status}`)}
          </Button>
        ))}
      {activity.allowedTransitions.includes("cancelled") && (
        <Button
          size="xs"
          color="red"
          variant="subtle"
          onClick={() => setCancelOpen(true)}
          data-testid="activity-cancel"
        >
          {t(cancelLabel)}
        </Button>
      )}
      <Button
        size="xs"
        variant="light"
        onClick={() =>
          run(async () => {
            const copy = await api.post<ActivityDetail>(`/api/activities/${activity.id}/copy`, {
              menuYear: activity.menuYear + 1,
            });
            navigate(`/catalogue/activities/${copy.id}`);
          }, null)
        }
        data-testid="activity-copy"
      >
        {t("form.copyTo", { year: activity.menuYear + 1 })}
      </Button>
      {!["completed", "cancelled", "rejected"].includes(activity.status) && (
        <Button size="xs" onClick={() => setEventOpen(true)} data-testid="event-add">
          {t("form.addEvent")}
        </Button>
      )}
      <Modal opened={cancelOpen} onClose={() => setCancelOpen(false)} title={t(cancelLabel)}>
        <Stack>
          <TextField label={t("nominations.reason")} value={reason} onValue={setReason} />
          <Button
            color="red"
            disabled={!reason.trim()}
            onClick={async () => (await setStatus("cancelled", reason.trim())) && setCancelOpen(false)}
          >
            {t(cancelLabel)}
          </Button>
        </Stack>
      </Modal>
      <Modal opened={eventOpen} onClose={() => setEventOpen(false)} title={t("form.addEvent")}>
        <Stack>
          <TextInput
            type="date"
            label={t("search.from")}
            value={event.startsOn}
            onChange={(e) => {
              const startsOn = e.currentTarget.value;
              setEvent({
                ...event,
                startsOn,
                reallocationDate: reallocationTouched ? event.reallocationDate : sixWeeksBefore(startsOn),
              });
            }}
          />
          <TextInput
            type="date"
            label={t("search.to")}
            value={event.endsOn}
            onChange={(e) => setEvent({ ...event, endsOn: e.currentTarget.value })}
          />
          <TextInput
            label={t("form.city")}
            value={event.city}
            onChange={(e) => setEvent({ ...event, city: e.currentTarget.value })}
          />
          <NumberInput
            label={t("fields.capacity")}
            min={1}
            value={event.capacity}
            onChange={(value) => setEvent({ ...event, capacity: value })}
          />
          <TextInput
            type="date"
            label={t("allocations.reallocationDate")}
            value={event.reallocationDate}
            onChange={(e) => {
              setReallocationTouched(true);
              setEvent({ ...event, reallocationDate: e.currentTarget.value });
            }}
            data-testid="new-event-reallocation-date"
          />
          <Select
            label={t("fields.acceptance")}
            value={event.acceptance}
            onChange={(value) => setEvent({ ...event, acceptance: value ?? "manual" })}
            data={optionsUnder(t, "acceptance", ["manual", "first_come"])}
          />
          <Button
            disabled={!event.startsOn || !event.endsOn}
            onClick={async () => {
              const ok = await run(() =>
                api.post(`/api/activities/${activity.id}/events`, {
                  startsOn: event.startsOn,
                  endsOn: event.endsOn,
                  city: event.city.trim() || null,
                  capacity: numberOrNull(event.capacity),
                  acceptance: event.acceptance,
                  reallocationDate: event.reallocationDate || null,
                }),
              );
              if (ok) setEventOpen(false);
            }}
          >
            {t("form.save")}
          </Button>
        </Stack>
      </Modal>
    </Group>
  );
}
