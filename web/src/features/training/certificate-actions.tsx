import { Button, Group, Modal, Stack } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { notifyError, notifySuccess, ReasonTextarea, RowActionButton } from "../../shared/ui";
import { useCertificateAction } from "./api";

/** The two things done to an issued certificate, each a button opening the dialog that asks for the reason. */
const MODES = [
  { mode: "revoke", color: "red" },
  { mode: "reissue", color: undefined },
] as const;

/** Revoke or re-issue a certificate, each with a reason (audited on the server). */
export function CertificateActions({ id, number }: { id: string; number: string }) {
  const { t } = useTranslation("training");
  const [opened, { open, close }] = useDisclosure(false);
  const [mode, setMode] = useState<"revoke" | "reissue">("revoke");
  const [reason, setReason] = useState("");
  const revoke = useCertificateAction("revoke");
  const reissue = useCertificateAction("reissue");
  const action = mode === "revoke" ? revoke : reissue;
  const start = (next: "revoke" | "reissue") => {
    setMode(next);
    setReason("");
    open();
  };
  return (
    <>
      <Group gap={4} wrap="nowrap">
        {MODES.map(({ mode: each, color }) => (
          <RowActionButton key={each} color={color} onClick={() => start(each)} testId={`${each}-${number}`}>
            {t(`certificates.${each}`)}
          </RowActionButton>
        ))}
      </Group>
      <Modal opened={opened} onClose={close} title={`${t(`certificates.${mode}`)} ${number}`} centered>
        <Stack>
          <ReasonTextarea
            label={t("certificates.reason")}
            value={reason}
            onValue={setReason}
            testId="certificate-reason"
          />
          <Group justify="flex-end">
            <Button
              color={mode === "revoke" ? "red" : undefined}
              disabled={!reason.trim()}
              loading={action.isPending}
              data-testid="certificate-action-confirm"
              onClick={() =>
                action.mutate(
                  { id, reason },
                  {
                    onSuccess: (certificate) => {
                      notifySuccess(certificate.number);
                      close();
                    },
                    onError: (error) => notifyError(error, t),
                  },
                )
              }
            >
              {t(`certificates.${mode}`)}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
