import { Button, Modal, Stack, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { usePermissions } from "../../../shared/auth";
import { notifyError, notifySuccess } from "../../../shared/ui";
import { useApply } from "../api";
import type { EventDetail } from "../types";

/**
 * A participant applies for the event themselves; the nation's point of contact approves or refuses (the server
 * decides who may: an account that is a person of a nation, an event still taking nominations).
 */
export function ApplyButton({ event }: { event: EventDetail }) {
  const { t } = useTranslation("catalogue");
  const { user, hasRole } = usePermissions();
  const apply = useApply();
  const [open, setOpen] = useState(false);
  const [motivation, setMotivation] = useState("");
  const [applied, setApplied] = useState(false);
  const takes = event.activity.status === "published" && ["planned", "open"].includes(event.status);
  if (!takes || !user?.personId || !hasRole("participant")) return null;
  if (applied)
    return (
      <Button size="xs" variant="light" disabled data-testid="event-applied">
        {t("applications.applied")}
      </Button>
    );
  const submit = () =>
    apply.mutate(
      { eventId: event.id, motivation: motivation.trim() || undefined },
      {
        onSuccess: () => {
          notifySuccess(t("applications.applied"));
          setApplied(true);
          setOpen(false);
        },
        onError: (error) => notifyError(error, t),
      },
    );
  return (
    <>
      <Button size="xs" onClick={() => setOpen(true)} data-testid="event-apply">
        {t("applications.apply")}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t("applications.apply")}>
        <Stack>
          <Textarea
            label={t("applications.motivation")}
            value={motivation}
            maxLength={2000}
            onChange={(e) => setMotivation(e.currentTarget.value)}
            data-testid="apply-motivation"
          />
          <Button onClick={submit} loading={apply.isPending} data-testid="apply-submit">
            {t("applications.send")}
          </Button>
        </Stack>
      </Modal>
    </>
  );
}
