import { Button, Group, PasswordInput, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { applyServerErrors, isApiError } from "../../../shared/api";
import { notifyError, notifySuccess } from "../../../shared/ui";
import { useChangePassword } from "../api";

const MIN_LENGTH = 12;

/** Current, new and repeated password; checks length and match before asking the server. */
export function ChangePasswordForm({ onDone, onCancel }: { onDone: () => void; onCancel?: () => void }) {
  const { t } = useTranslation("auth");
  const change = useChangePassword();
  const form = useForm({
    initialValues: { currentPassword: "", newPassword: "", repeatPassword: "" },
    validate: {
      currentPassword: (value) => (value ? null : t("common:errors.required")),
      newPassword: (value, values) =>
        value.length < MIN_LENGTH
          ? t("password.tooShort")
          : value === values.currentPassword
            ? t("password.sameAsCurrent")
            : null,
      repeatPassword: (value, values) => (value === values.newPassword ? null : t("password.mismatch")),
    },
  });

  const submit = form.onSubmit(({ currentPassword, newPassword }) => {
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          notifySuccess(t("password.changed"));
          form.reset();
          onDone();
        },
        onError: (error) => {
          if (isApiError(error) && applyServerErrors(form, error)) return;
          if (isApiError(error) && error.status === 401) {
            form.setFieldError("currentPassword", error.message);
            return;
          }
          notifyError(error, t);
        },
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate data-testid="change-password-form">
      <Stack>
        <PasswordInput
          label={t("password.current")}
          autoComplete="current-password"
          required
          data-testid="current-password"
          {...form.getInputProps("currentPassword")}
        />
        <PasswordInput
          label={t("password.new")}
          description={t("password.hint")}
          autoComplete="new-password"
          required
          data-testid="new-password"
          {...form.getInputProps("newPassword")}
        />
        <PasswordInput
          label={t("password.repeat")}
          autoComplete="new-password"
          required
          data-testid="repeat-password"
          {...form.getInputProps("repeatPassword")}
        />
        <Group justify="flex-end">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t("common:actions.cancel")}
            </Button>
          )}
          <Button type="submit" loading={change.isPending} data-testid="change-password-submit">
            {t("password.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
