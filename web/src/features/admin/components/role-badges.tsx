import { Badge, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { RoleAssignment } from "../types";

export function scopeLabel(role: RoleAssignment): string | null {
  return role.nationCode ?? role.organisationCode ?? null;
}

/** The user's roles, each with the code of its nation or organisation. */
export function RoleBadges({ roles }: { roles: RoleAssignment[] }) {
  const { t } = useTranslation("admin");
  return (
    <Group gap={4}>
      {roles.map((role) => {
        const scope = scopeLabel(role);
        return (
          <Badge key={role.id} variant="light" tt="none">
            {t(`common:roles.${role.role}`)}
            {scope ? ` · ${scope}` : ""}
          </Badge>
        );
      })}
    </Group>
  );
}
