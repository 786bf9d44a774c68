import { useState } from "react";
import { useTranslation } from "react-i18next";
import { notifyError, notifySuccess } from "../../../shared/ui";
import { useInvalidateCatalogue } from "../api";

/**
 * A write of an organiser's or staff's control (a status, a copy, a decision): the catalogue is refreshed after it
 * and `success` is said (by default "saved"); a failure is notified. `run` resolves to whether it succeeded, so that
 * a dialog closes only then; `busy` is true while a write runs.
 */
export function useCatalogueWrite() {
  const { t } = useTranslation("catalogue");
  const invalidate = useInvalidateCatalogue();
  const [busy, setBusy] = useState(false);
  const run = async (write: () => Promise<unknown>, success: string | null = t("common:notify.saved")) => {
    setBusy(true);
    try {
      await write();
      await invalidate();
      if (success !== null) notifySuccess(success);
      return true;
    } catch (error) {
      notifyError(error, t);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { run, busy };
}
