import { Modal } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ChangePasswordForm } from "./change-password-form";

export function ChangePasswordModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation("auth");
  return (
    <Modal opened={opened} onClose={onClose} title={t("password.title")} centered>
      <ChangePasswordForm onDone={onClose} onCancel={onClose} />
    </Modal>
  );
}
