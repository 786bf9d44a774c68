import { Alert, Button, Group, Modal, Stack } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../shared/api";
import { ReasonTextarea } from "../../../shared/ui";
import type { ActivityDetail } from "../types";
import { useCatalogueWrite } from "./catalogue-write";

/** Where a partner's proposal stands: awaiting alliance staff, or rejected with their reason. */
export function ProposalNotice({ activity }: { activity: ActivityDetail }) {
  const { t } = useTranslation("catalogue");
  if (activity.status === "proposed")
    return (
      <Alert color="yellow" data-testid="proposal-notice">
        {t("proposals.notice")}
      </Alert>
    );
  if (activity.status === "rejected")
    return (
      <Alert color="red" data-testid="proposal-rejected">
        {t("proposals.rejectedNotice", { reason: activity.rejectionReason ?? "" })}
      </Alert>
    );
  return null;
}

/** Alliance staff's decision on a proposal: approve it into the menu, or reject it with a reason. */
export function ProposalDecision({ activity }: { activity: ActivityDetail }) {
  const { t } = useTranslation("catalogue");
  const { run, busy } = useCatalogueWrite();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState("");
  if (!activity.canDecide) return null;

  const decide = (body: { status: "published" } | { status: "rejected"; reason: string }) =>
    run(
      () => api.post(`/api/activities/${activity.id}/status`, body),
      t(body.status === "published" ? "proposals.approved" : "proposals.rejectedDone"),
    );

  return (
    <Group gap="xs">
      <Button
        size="xs"
        color="green"
        loading={busy}
        onClick={() => decide({ status: "published" })}
        data-testid="proposal-approve"
      >
        {t("proposals.approve")}
      </Button>
      <Button
        size="xs"
        color="red"
        variant="light"
        onClick={() => setRejecting(true)}
        data-testid="proposal-reject"
      >
        {t("proposals.reject")}
      </Button>
      <Modal opened={rejecting} onClose={() => setRejecting(false)} title={t("proposals.rejectTitle")}>
        <Stack>
          <ReasonTextarea
            label={t("proposals.reason")}
            maxLength={2000}
            value={reason}
            onValue={setReason}
            testId="proposal-reject-reason"
          />
          <Button
            color="red"
            disabled={!reason.trim()}
            loading={busy}
            onClick={async () =>
              (await decide({ status: "rejected", reason: reason.trim() })) && setRejecting(false)
            }
            data-testid="proposal-reject-confirm"
          >
            {t("proposals.reject")}
          </Button>
        </Stack>
      </Modal>
    </Group>
  );
}
