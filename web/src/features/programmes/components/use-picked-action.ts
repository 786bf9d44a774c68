import { useState } from "react";
import { useTranslation } from "react-i18next";
import { notifyError, notifySuccess } from "../../../shared/ui";
import { useInvalidate } from "../api";

/**
 * A value picked beside the button that sends it (a file to attach, an activity to link): the button waits while
 * it is sent; once done the page says so, the pick clears and the programmes' figures refresh. A refusal of the
 * pick itself (`refusal` gives its words, or nothing) shows beside the input; any other failure in a notification.
 */
export function usePickedAction<T>(
  send: (value: T) => Promise<unknown>,
  done: string,
  refusal: (error: unknown) => string | undefined,
) {
  const { t } = useTranslation("programmes");
  const invalidate = useInvalidate();
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    if (!value) return;
    setBusy(true);
    try {
      await send(value);
      notifySuccess(done);
      setValue(null);
      setError(null);
      await invalidate();
    } catch (caught) {
      const message = refusal(caught);
      if (message) setError(message);
      else notifyError(caught, t);
    } finally {
      setBusy(false);
    }
  };
  /** The props of the button that sends the pick: off until something is picked, waiting while it is sent. */
  const button = { disabled: !value, loading: busy, onClick: () => void run() };
  return { value, setValue, error, setError, button };
}
