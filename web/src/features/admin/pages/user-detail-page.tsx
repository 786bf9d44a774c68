import { Button, Group, Paper, PasswordInput, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrorsFromApi, isApiError } from "../../../shared/api";
import { usePermissions } from "../../../shared/auth";
import { formatDateTime, useFormat } from "../../../shared/i18n/format";
import {
  ConfirmButton,
  confirmOutcome,
  DetailList,
  notifyError,
  notifySuccess,
  PageHeader,
  PlainTable,
  RecordPage,
  RemoveRowButton,
  SectionCard,
  SubmitButton,
} from "../../../shared/ui";
import {
  useGrantRole,
  useResetPassword,
  useRevokeRole,
  useRevokeSessions,
  useUpdateUser,
  useUser,
} from "../api";
import { GrantRoleFields } from "../components/grant-role-fields";
import { scopeLabel } from "../components/role-badges";
import type { AdminUserDetail, GrantInput } from "../types";
import { UserStatus } from "./users-list-page";

function RolesSection({ user, canEdit }: { user: AdminUserDetail; canEdit: boolean }) {
  const { t } = useTranslation("admin");
  const { language } = useFormat();
  const grant = useGrantRole(user.id);
  const revoke = useRevokeRole(user.id);
  const [draft, setDraft] = useState<GrantInput | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!draft) return;
    setErrors({});
    grant.mutate(draft, {
      onSuccess: () => {
        notifySuccess(t("roles.granted"));
        setDraft(null);
      },
      onError: (error) => {
        if (isApiError(error) && error.fields.length) setErrors(fieldErrorsFromApi(error));
        else notifyError(error, t);
      },
    });
  };

  return (
    <SectionCard title={t("users.roles")}>
      {user.roles.length === 0 ? (
        <Text c="dimmed">{t("user.noRoles")}</Text>
      ) : (
        <PlainTable
          data-testid="user-roles"
          minWidth={560}
          columns={[t("roles.role"), t("roles.scope"), t("user.created"), null]}
        >
          {user.roles.map((role) => (
            <Table.Tr key={role.id} data-testid={`user-role-${role.role}-${scopeLabel(role) ?? "global"}`}>
              <Table.Td>{t(`common:roles.${role.role}`)}</Table.Td>
              <Table.Td>{scopeLabel(role) ?? t("roles.global")}</Table.Td>
              <Table.Td>{formatDateTime(role.createdAt, language)}</Table.Td>
              <Table.Td ta="right">
                {canEdit && (
                  <RemoveRowButton
                    message={t("roles.revokeConfirm", { role: t(`common:roles.${role.role}`) })}
                    remove={() => revoke.mutateAsync(role.id)}
                    success={t("roles.revoked")}
                    testId={`role-revoke-${role.id}`}
                  >
                    {t("roles.revoke")}
                  </RemoveRowButton>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </PlainTable>
      )}
      {canEdit && (
        <form onSubmit={submit} noValidate data-testid="role-grant-form">
          <Stack mt="md" maw={480}>
            <GrantRoleFields
              value={draft}
              onChange={setDraft}
              errors={{ role: errors.role, nationId: errors.nationId, organisationId: errors.organisationId }}
              testIdPrefix="role-grant"
            />
            <Group>
              <SubmitButton disabled={!draft} write={grant} testId="role-grant-submit">
                {t("roles.grant")}
              </SubmitButton>
            </Group>
          </Stack>
        </form>
      )}
    </SectionCard>
  );
}

function AccountSection({ user }: { user: AdminUserDetail }) {
  const { t } = useTranslation("admin");
  const update = useUpdateUser(user.id);
  const reset = useResetPassword(user.id);
  const revokeSessions = useRevokeSessions(user.id);
  const [password, setPassword] = useState("");
  const [passwordError, setPasswordError] = useState<string>();

  const resetPassword = (event: React.FormEvent) => {
    event.preventDefault();
    setPasswordError(undefined);
    reset.mutate(password, {
      onSuccess: () => {
        notifySuccess(t("user.passwordReset"));
        setPassword("");
      },
      onError: (error) => {
        const field = isApiError(error) ? fieldErrorsFromApi(error).temporaryPassword : undefined;
        if (field) setPasswordError(field);
        else notifyError(error, t);
      },
    });
  };

  return (
    <Paper withBorder p="md" radius="md">
      <Stack>
        <Group>
          <ConfirmButton
            variant="light"
            color="orange"
            message={t("user.revokeSessionsConfirm")}
            onConfirm={() =>
              confirmOutcome(revokeSessions.mutateAsync(), t).then(({ revoked }) =>
                notifySuccess(t("user.sessionsRevoked", { count: revoked })),
              )
            }
            data-testid="user-revoke-sessions"
          >
            {t("user.revokeSessions")}
          </ConfirmButton>
          {user.disabled ? (
            <Button
              variant="light"
              color="green"
              loading={update.isPending}
              onClick={() =>
                update.mutate(
                  { disabled: false },
                  { onSuccess: () => notifySuccess(t("user.enabledNow")), onError: (e) => notifyError(e, t) },
                )
              }
              data-testid="user-enable"
            >
              {t("user.enable")}
            </Button>
          ) : (
            <ConfirmButton
              variant="light"
              message={t("user.disableConfirm")}
              onConfirm={() =>
                confirmOutcome(update.mutateAsync({ disabled: true }), t, t("user.disabledNow"))
              }
              data-testid="user-disable"
            >
              {t("user.disable")}
            </ConfirmButton>
          )}
        </Group>
        <form onSubmit={resetPassword} noValidate>
          <Group align="flex-end">
            <PasswordInput
              label={t("users.temporaryPassword")}
              description={t("users.temporaryPasswordHint")}
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
              error={passwordError}
              autoComplete="new-password"
              w={320}
              data-testid="user-reset-password-input"
            />
            <SubmitButton variant="light" disabled={!password} write={reset} testId="user-reset-password">
              {t("user.resetPassword")}
            </SubmitButton>
          </Group>
        </form>
      </Stack>
    </Paper>
  );
}

export function UserDetailPage() {
  const { t } = useTranslation("admin");
  const { language } = useFormat();
  const permissions = usePermissions();
  return (
    <RecordPage useRecord={useUser}>
      {(detail) => (
        <>
          <PageHeader
            title={detail.displayName}
            description={detail.username}
            badges={<UserStatus user={detail} />}
            breadcrumbs={[{ label: t("users.title"), to: "/admin" }, { label: detail.username }]}
          />
          <Stack>
            <DetailList
              items={[
                { label: t("users.username"), value: detail.username, testId: "user-username-value" },
                { label: t("users.person"), value: detail.personName },
                { label: t("user.language"), value: detail.preferredLanguage.toUpperCase() },
                {
                  label: t("users.lastLogin"),
                  value: detail.lastLoginAt ? formatDateTime(detail.lastLoginAt, language) : t("users.never"),
                },
                { label: t("user.sessions"), value: String(detail.activeSessions), testId: "user-sessions" },
                { label: t("user.created"), value: formatDateTime(detail.createdAt, language) },
              ]}
            />
            <RolesSection user={detail} canEdit={permissions.isAdministrator} />
            {permissions.isAdministrator && <AccountSection user={detail} />}
          </Stack>
        </>
      )}
    </RecordPage>
  );
}
