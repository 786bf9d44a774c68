import { Stack, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { usePermissions } from "../../../shared/auth";
import { localName, useFormat } from "../../../shared/i18n/format";
import { useNationOptions } from "../../programmes/api";
import { NationDashboard } from "./nation-dashboard";
import { NationsDashboard } from "./nations-dashboard";

/**
 * The dashboard for the signed-in user's role: a nation's own people (its coordinators, participants, a nation's
 * auditors) see their nation; the alliance's and the centre's staff, global auditors and administrators see the
 * nations side by side.
 */
export function HomeDashboard() {
  const { t } = useTranslation("dashboards");
  const format = useFormat();
  const { user } = usePermissions();
  const nations = useNationOptions();
  const nationId = user?.grants.find((grant) => grant.nationId)?.nationId ?? null;
  if (!user) return null;
  if (nationId) {
    const nation = nations.data?.items.find((n) => n.id === nationId);
    return (
      <Stack gap="sm" data-testid="home-dashboard">
        <Title order={2} size="h4">
          {t("home.nation", { name: nation ? localName(nation, format.language) : "" })}
        </Title>
        <NationDashboard nationId={nationId} span={{}} />
      </Stack>
    );
  }
  return (
    <Stack gap="sm" data-testid="home-dashboard">
      <Title order={2} size="h4">
        {t("home.nations")}
      </Title>
      <NationsDashboard span={{}} />
    </Stack>
  );
}
