import { Select, Stack, Text } from "@mantine/core";
import type { ComponentProps, ComponentType, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ROLES, type Role } from "../../../shared/auth";
import { NationSelect } from "../../directory/components/nation-select";
import { OrganisationSelect } from "../../directory/components/organisation-select";
import { type GrantInput, SCOPE_OF } from "../types";

/** The scope pickers: each sets its own field of the grant. */
const SCOPED_PICKERS: {
  scope: "nation" | "organisation";
  field: "nationId" | "organisationId";
  other: "nationId" | "organisationId";
  Picker: ComponentType<ComponentProps<typeof NationSelect>>;
}[] = [
  { scope: "nation", field: "nationId", other: "organisationId", Picker: NationSelect },
  { scope: "organisation", field: "organisationId", other: "nationId", Picker: OrganisationSelect },
];

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
      {value &&
        SCOPED_PICKERS.filter((picker) => scope === picker.scope || scope === "optional").map(
          ({ scope: pickerScope, field, other, Picker }) => (
            <Picker
              key={field}
              label={t(`roles.${pickerScope}`)}
              required={scope === pickerScope}
              value={value[field] ?? null}
              // An auditor's scope is a nation or an organisation, not both: choosing one clears the other.
              onChange={(id) =>
                onChange({ ...value, [field]: id, [other]: scope === "optional" ? null : value[other] })
              }
              error={errors[field]}
              data-testid={`${testIdPrefix}-${pickerScope}`}
            />
          ),
        )}
      {scope === "optional" && (
        <Text size="xs" c="dimmed">
          {t("roles.auditorScope")}
        </Text>
      )}
    </Stack>
  );
}
