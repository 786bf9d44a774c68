import { PasswordInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { closeClearing, FormDialog, FormTextInput, notifyFormError, notifySuccess } from "../../../shared/ui";
import { useCreateUser } from "../api";
import type { AdminUserDetail, GrantInput } from "../types";
import { GrantRoleFields } from "./grant-role-fields";

interface NewUserValues {
  username: string;
  displayName: string;
  temporaryPassword: string;
  /** The first role, sent as the one item of `roles`. */
  grant: GrantInput | null;
}

/** The server names the first role's fields `roles.0.…`; the form keeps that role as `grant`. */
const GRANT_FIELDS = {
  "body.roles.0.role": "grant.role",
  "body.roles.0.nationId": "grant.nationId",
  "body.roles.0.organisationId": "grant.organisationId",
};

/** Creates an account with a temporary password (to be changed at first sign-in) and, optionally, a first role. */
export function CreateUserModal({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  onCreated: (user: AdminUserDetail) => void;
}) {
  const { t } = useTranslation("admin");
  const create = useCreateUser();
  const form = useForm<NewUserValues>({
    initialValues: { username: "", displayName: "", temporaryPassword: "", grant: null },
  });
  const close = closeClearing(form, onClose);

  const submit = form.onSubmit(({ grant, ...values }) =>
    create.mutate(
      { ...values, username: values.username.trim().toLowerCase(), ...(grant ? { roles: [grant] } : {}) },
      {
        onSuccess: (user) => {
          notifySuccess(t("users.created", { username: user.username }));
          close();
          onCreated(user);
        },
        onError: (error) => notifyFormError(form, error, t, GRANT_FIELDS),
      },
    ),
  );

  return (
    <FormDialog
      opened={opened}
      onClose={close}
      title={t("users.create")}
      size="lg"
      onSubmit={submit}
      testId="user-create-form"
      submit={{ label: t("common:actions.create"), loading: create.isPending, testId: "user-create-submit" }}
    >
      <FormTextInput
        label={t("users.username")}
        description={t("users.usernameHint")}
        required
        form={form}
        name="username"
        testId="user-username"
      />
      <FormTextInput
        label={t("users.displayName")}
        required
        form={form}
        name="displayName"
        testId="user-display-name"
      />
      <PasswordInput
        label={t("users.temporaryPassword")}
        description={t("users.temporaryPasswordHint")}
        required
        autoComplete="new-password"
        data-testid="user-temporary-password"
        {...form.getInputProps("temporaryPassword")}
      />
      <GrantRoleFields
        value={form.values.grant}
        onChange={(grant) => form.setFieldValue("grant", grant)}
        errors={{
          role: form.errors["grant.role"],
          nationId: form.errors["grant.nationId"],
          organisationId: form.errors["grant.organisationId"],
        }}
        testIdPrefix="user-create"
      />
    </FormDialog>
  );
}
