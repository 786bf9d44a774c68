import { Button, type ButtonProps, Group, Modal, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";

export interface ConfirmButtonProps extends Omit<ButtonProps, "onClick"> {
  children: ReactNode;
  /** The question in the dialog. */
  message: ReactNode;
  title?: ReactNode;
  /** Label of the confirming button (defaults to the button's own label). */
  confirmLabel?: ReactNode;
  /** May return a promise: the dialog stays open, loading, until it settles, and closes only on success. */
  onConfirm: () => unknown;
  "data-testid"?: string;
}

/** A button that asks first, in a modal; the confirm button gets `<testid>-confirm`. */
export function ConfirmButton({
  children,
  message,
  title,
  confirmLabel,
  onConfirm,
  color = "red",
  "data-testid": testId,
  ...buttonProps
}: ConfirmButtonProps) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const [busy, setBusy] = useState(false);

  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
      close();
    } catch {
      // The caller reports the failure (a notification); the dialog stays open to try again or cancel.
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button color={color} onClick={open} data-testid={testId} {...buttonProps}>
        {children}
      </Button>
      <Modal opened={opened} onClose={close} title={title ?? t("confirm.title")} centered>
        <Stack>
          <Text size="sm">{message}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={busy}>
              {t("actions.cancel")}
            </Button>
            <Button
              color={color}
              loading={busy}
              onClick={() => void confirm()}
              data-testid={testId ? `${testId}-confirm` : "confirm"}
            >
              {confirmLabel ?? children}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
