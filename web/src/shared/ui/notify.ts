import { notifications } from "@mantine/notifications";
import type { TFunction } from "i18next";
import { ApiError, applyServerErrors, isApiError } from "../api";
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

/**
 * The outcome of a confirmed action (a ConfirmButton's onConfirm): `success`, when given, is notified; a failure
 * is notified and rethrown, so that the confirmation stays open. Pages wrote this then/catch pair each time.
 */
export function confirmOutcome<T>(action: Promise<T>, t: TFunction, success?: string): Promise<T> {
  return action.then(
    (value) => {
      if (success !== undefined) notifySuccess(success);
      return value;
    },
    (error) => {
      notifyError(error, t);
      throw error;
    },
  );
}

/** After a DELETE: the server deletes when nothing refers to the record, and archives it otherwise. */
export function notifyDeleteOutcome(outcome: "deleted" | "archived", t: TFunction): void {
  notifySuccess(outcome === "deleted" ? t("notify.deleted") : t("notify.archived"));
}

/**
 * A failed form submission: the server's field errors beside their fields (input kept), else a notification.
 * `aliases` names the form field of a server field the form shows under another name (`body.ownerNationId` →
 * `owner`).
 */
export function notifyFormError(
  form: { setErrors: (errors: Record<string, string>) => void; getValues: () => object },
  error: unknown,
  t: TFunction,
  aliases: Record<string, string> = {},
): void {
  const renamed = isApiError(error)
    ? new ApiError(
        error.status,
        error.code,
        error.message,
        error.fields.map((f) => ({ ...f, field: aliases[f.field] ?? f.field })),
        error.requestId,
      )
    : error;
  if (!(isApiError(renamed) && applyServerErrors(form, renamed))) notifyError(error, t);
}

/**
 * The options of a write whose success says "saved" (then runs `then`, e.g. to clear its form) and whose failure
 * is notified: the onSuccess/onError pair the pages' inline forms wrote each time.
 */
export function savedOrFailed(t: TFunction, then?: () => void) {
  return {
    onSuccess: () => {
      notifySuccess(t("common:notify.saved"));
      then?.();
    },
    onError: (error: unknown) => notifyError(error, t),
  };
}

/**
 * The options of a form's write: `onSuccess` as given; a failure shows beside its fields when the server names
 * them, else as a notification (`notifyFormError`). The forms wrote this onError block each time.
 */
export function formOutcome<T>(
  form: Parameters<typeof notifyFormError>[0],
  t: TFunction,
  onSuccess: (data: T) => void,
) {
  return { onSuccess, onError: (error: unknown) => notifyFormError(form, error, t) };
}

/** `formOutcome` of a write whose success says "saved" before `then` runs (closing its dialog, say). */
export function formSaved<T>(
  form: Parameters<typeof notifyFormError>[0],
  t: TFunction,
  then: (data: T) => void,
) {
  return formOutcome<T>(form, t, (data) => {
    notifySuccess(t("common:notify.saved"));
    then(data);
  });
}

/**
 * A form's save as one awaited step: when `save` succeeds "saved" is notified and `then` runs (closing its dialog,
 * say); a failure shows beside its fields when the server names them, else as a notification (`notifyFormError`,
 * with its `aliases`). The dialogs wrote this try/catch each time.
 */
export async function saveForm(
  form: Parameters<typeof notifyFormError>[0],
  t: TFunction,
  then: (() => void) | undefined,
  save: () => Promise<unknown>,
  aliases?: Record<string, string>,
): Promise<void> {
  try {
    await save();
    notifySuccess(t("common:notify.saved"));
    then?.();
  } catch (error) {
    notifyFormError(form, error, t, aliases);
  }
}

/** `saveForm` of an edit that sends only what changed (`changedFields`): when nothing changed, nothing is sent. */
export function saveChanges<P extends object>(
  form: Parameters<typeof notifyFormError>[0],
  t: TFunction,
  then: (() => void) | undefined,
  patch: P,
  send: (patch: P) => Promise<unknown>,
): Promise<void> {
  return saveForm(form, t, then, async () => (Object.keys(patch).length ? send(patch) : undefined));
}
