import { Button, Group, PasswordInput, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { applyServerErrors, isApiError } from "../../../shared/api";
import { notifyError, notifySuccess } from "../../../shared/ui";
import { useChangePassword } from "../api";

const MIN_LENGTH = 12;

/** The form's three fields, in order; only the new password carries the rules as its hint. */
const PASSWORD_FIELDS = [
  {
    name: "currentPassword",
    label: "current",
    autoComplete: "current-password",
    testId: "current-password",
    hint: false,
  },
  { name: "newPassword", label: "new", autoComplete: "new-password", testId: "new-password", hint: true },
  {
    name: "repeatPassword",
    label: "repeat",
    autoComplete: "new-password",
    testId: "repeat-password",
    hint: false,
  },
] as const;

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
        {PASSWORD_FIELDS.map((field) => (
          <PasswordInput
            key={field.name}
            label={t(`password.${field.label}`)}
            description={field.hint ? t("password.hint") : undefined}
            autoComplete={field.autoComplete}
            required
            data-testid={field.testId}
            {...form.getInputProps(field.name)}
          />
        ))}
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
