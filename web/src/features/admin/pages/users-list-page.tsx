import { Badge, Button, Group, Select, Stack } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconUserPlus } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import { ROLES, usePermissions } from "../../../shared/auth";
import { formatDateTime, useFormat } from "../../../shared/i18n/format";
import {
  type DataTableColumn,
  DimmedText,
  EmptyState,
  ListTable,
  listFilter,
  PageHeader,
  RowLink,
  SearchInput,
  useListParams,
} from "../../../shared/ui";
import { useUsers } from "../api";
import { CreateUserModal } from "../components/create-user-modal";
import { RoleBadges } from "../components/role-badges";
import type { AdminUser } from "../types";

export function UserStatus({ user }: { user: AdminUser }) {
  const { t } = useTranslation("admin");
  const { language } = useFormat();
  return (
    <Group gap={4}>
      {user.disabled ? (
        <Badge color="gray">{t("users.disabled")}</Badge>
      ) : (
        <Badge color="green" variant="light">
          {t("users.active")}
        </Badge>
      )}
      {user.lockedUntil && (
        <Badge color="red" variant="light">
          {t("users.locked", { time: formatDateTime(user.lockedUntil, language) })}
        </Badge>
      )}
      {user.mustChangePassword && (
        <Badge color="yellow" variant="light">
          {t("users.mustChange")}
        </Badge>
      )}
      {user.oidcLinked && (
        <Badge color="blue" variant="light">
          {t("users.sso")}
        </Badge>
      )}
    </Group>
  );
}

export function UsersListPage() {
  const { t } = useTranslation("admin");
  const { language } = useFormat();
  const navigate = useNavigate();
  const permissions = usePermissions();
  const [creating, { open, close }] = useDisclosure(false);
  const list = useListParams({ defaultSort: "username", filters: ["role", "status"] as const });
  const { sort: _sort, role, status, ...query } = list.query;
  // Values from the address bar: only those the API accepts are sent (an edited URL shows the unfiltered list).
  const users = useUsers({
    ...query,
    role: ROLES.find((known) => known === role),
    status: status === "active" || status === "disabled" ? status : undefined,
  });

  const columns: DataTableColumn<AdminUser>[] = [
    {
      key: "username",
      header: t("users.username"),
      render: (user) => (
        <div>
          <RowLink to={`/admin/users/${user.id}`}>{user.username}</RowLink>
          <DimmedText size="xs">{user.displayName}</DimmedText>
        </div>
      ),
    },
    { key: "roles", header: t("users.roles"), render: (user) => <RoleBadges roles={user.roles} /> },
    { key: "status", header: t("users.status"), render: (user) => <UserStatus user={user} /> },
    {
      key: "lastLogin",
      header: t("users.lastLogin"),
      render: (user) => (user.lastLoginAt ? formatDateTime(user.lastLoginAt, language) : t("users.never")),
    },
  ];

  return (
    <>
      <PageHeader
        title={t("users.title")}
        description={t("users.description")}
        actions={
          permissions.isAdministrator && (
            <Group gap="xs">
              <Button component={Link} to="/admin/mail" variant="default" data-testid="admin-mail-link">
                {t("mail.title")}
              </Button>
              <Button leftSection={<IconUserPlus size={16} />} onClick={open} data-testid="user-create">
                {t("users.create")}
              </Button>
            </Group>
          )
        }
      />
      <Stack>
        <Group align="flex-end" wrap="wrap">
          <SearchInput value={list.q} onChange={list.setQ} w={280} data-testid="user-search" />
          <Select
            label={t("roles.role")}
            placeholder={t("users.anyRole")}
            data={ROLES.map((role) => ({ value: role, label: t(`common:roles.${role}`) }))}
            {...listFilter(list, "role")}
            clearable
            w={220}
            data-testid="user-role-filter"
          />
          <Select
            label={t("users.status")}
            placeholder={t("users.anyStatus")}
            data={(["active", "disabled"] as const).map((value) => ({ value, label: t(`users.${value}`) }))}
            {...listFilter(list, "status")}
            clearable
            w={180}
            data-testid="user-status-filter"
          />
        </Group>
        <ListTable
          query={users}
          list={list}
          data-testid="users-table"
          columns={columns}
          rowKey={(user) => user.id}
          rowTestId={(user) => `user-row-${user.username}`}
          onRowClick={(user) => navigate(`/admin/users/${user.id}`)}
          empty={<EmptyState description={t("users.empty")} />}
        />
      </Stack>
      <CreateUserModal
        opened={creating}
        onClose={close}
        onCreated={(user) => navigate(`/admin/users/${user.id}`)}
      />
    </>
  );
}
