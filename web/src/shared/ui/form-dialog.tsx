import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { FormButtons } from "./form-buttons";
import { FormModal, type FormModalProps } from "./form-modal";

export interface FormDialogProps extends FormModalProps {
  /** The submit button: its words, whether the form's write runs, its test id. */
  submit: { label: ReactNode; loading: boolean; testId?: string };
}

/**
 * A dialog of one form whose foot is "Cancel" (which closes the dialog, as its close button does) and the submit
 * button: the FormModal and FormButtons pair that the dialogs wrote each time.
 */
export function FormDialog({ submit, children, ...modal }: FormDialogProps) {
  const { t } = useTranslation();
  return (
    <FormModal {...modal}>
      {children}
      <FormButtons
        submit={submit.label}
        loading={submit.loading}
        testId={submit.testId}
        cancel={{ label: t("actions.cancel"), onClick: modal.onClose }}
      />
    </FormModal>
  );
}
