import { notifications } from "@mantine/notifications";
import type { TFunction } from "i18next";
import { applyServerErrors, isApiError } from "../api";
import { errorMessage } from "./error-alert";

/** A green notification after a successful action. */
export function notifySuccess(message: string): void {
  notifications.show({ color: "green", message, autoClose: 4000 });
}

/** A red notification for an error that has no better place (not a field error, not a page load). */
export function notifyError(error: unknown, t: TFunction, title?: string): void {
  notifications.show({
    color: "red",
    title: title ?? t("notify.failed"),
    message: errorMessage(error, t),
    autoClose: 8000,
  });
}

/** After a DELETE: the server deletes when nothing refers to the record, and archives it otherwise. */
export function notifyDeleteOutcome(outcome: "deleted" | "archived", t: TFunction): void {
  notifySuccess(outcome === "deleted" ? t("notify.deleted") : t("notify.archived"));
}

/** A failed form submission: the server's field errors beside their fields (input kept), else a notification. */
export function notifyFormError(
  form: { setErrors: (errors: Record<string, string>) => void; getValues: () => object },
  error: unknown,
  t: TFunction,
): void {
  if (!(isApiError(error) && applyServerErrors(form, error))) notifyError(error, t);
}
