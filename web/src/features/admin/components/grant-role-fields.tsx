import { Select, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ROLES, type Role } from "../../../shared/auth";
import { NationSelect } from "../../directory/components/nation-select";
import { OrganisationSelect } from "../../directory/components/organisation-select";
import { type GrantInput, SCOPE_OF } from "../types";

interface GrantRoleFieldsProps {
  value: GrantInput | null;
  onChange: (grant: GrantInput | null) => void;
  errors?: Partial<Record<"role" | "nationId" | "organisationId", ReactNode>>;
  testIdPrefix: string;
}

/** A role and the scope it takes: a nation for coordinators, an organisation for organisers, directors, evaluators. */
export function GrantRoleFields({ value, onChange, errors = {}, testIdPrefix }: GrantRoleFieldsProps) {
  const { t } = useTranslation("admin");
  const scope = value ? SCOPE_OF[value.role] : "none";
  return (
    <Stack gap="sm">
      <Select
        label={t("roles.role")}
        data={ROLES.map((role) => ({ value: role, label: t(`common:roles.${role}`) }))}
        value={value?.role ?? null}
        onChange={(role) =>
          onChange(role ? { role: role as Role, nationId: null, organisationId: null } : null)
        }
        error={errors.role}
        clearable
        data-testid={`${testIdPrefix}-role`}
      />
      {(scope === "nation" || scope === "optional") && value && (
        <NationSelect
          label={t("roles.nation")}
          required={scope === "nation"}
          value={value.nationId ?? null}
          onChange={(nationId) =>
            onChange({
              ...value,
              nationId,
              organisationId: scope === "optional" ? null : value.organisationId,
            })
          }
          error={errors.nationId}
          data-testid={`${testIdPrefix}-nation`}
        />
      )}
      {(scope === "organisation" || scope === "optional") && value && (
        <OrganisationSelect
          label={t("roles.organisation")}
          required={scope === "organisation"}
          value={value.organisationId ?? null}
          onChange={(organisationId) =>
            onChange({ ...value, organisationId, nationId: scope === "optional" ? null : value.nationId })
          }
          error={errors.organisationId}
          data-testid={`${testIdPrefix}-organisation`}
        />
      )}
      {scope === "optional" && (
        <Text size="xs" c="dimmed">
          {t("roles.auditorScope")}
        </Text>
      )}
    </Stack>
  );
}
