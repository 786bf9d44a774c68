import { PasswordInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrorsFromApi, isApiError } from "../../../shared/api";
import { FormDialog, notifyError, notifySuccess, TextField } from "../../../shared/ui";
import { useCreateUser } from "../api";
import type { AdminUserDetail, GrantInput } from "../types";
import { GrantRoleFields } from "./grant-role-fields";

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
  const [username, setUsername] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [temporaryPassword, setTemporaryPassword] = useState("");
  const [grant, setGrant] = useState<GrantInput | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const close = () => {
    setUsername("");
    setDisplayName("");
    setTemporaryPassword("");
    setGrant(null);
    setErrors({});
    onClose();
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setErrors({});
    create.mutate(
      {
        username: username.trim().toLowerCase(),
        displayName,
        temporaryPassword,
        ...(grant ? { roles: [grant] } : {}),
      },
      {
        onSuccess: (user) => {
          notifySuccess(t("users.created", { username: user.username }));
          close();
          onCreated(user);
        },
        onError: (error) => {
          if (isApiError(error) && error.fields.length) setErrors(fieldErrorsFromApi(error));
          else notifyError(error, t);
        },
      },
    );
  };

  const grantErrors = {
    role: errors["roles.0.role"],
    nationId: errors["roles.0.nationId"],
    organisationId: errors["roles.0.organisationId"],
  };

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
      <TextField
        label={t("users.username")}
        description={t("users.usernameHint")}
        required
        value={username}
        onValue={setUsername}
        error={errors.username}
        testId="user-username"
      />
      <TextField
        label={t("users.displayName")}
        required
        value={displayName}
        onValue={setDisplayName}
        error={errors.displayName}
        testId="user-display-name"
      />
      <PasswordInput
        label={t("users.temporaryPassword")}
        description={t("users.temporaryPasswordHint")}
        required
        value={temporaryPassword}
        onChange={(event) => setTemporaryPassword(event.currentTarget.value)}
        error={errors.temporaryPassword}
        autoComplete="new-password"
        data-testid="user-temporary-password"
      />
      <GrantRoleFields value={grant} onChange={setGrant} errors={grantErrors} testIdPrefix="user-create" />
    </FormDialog>
  );
}
