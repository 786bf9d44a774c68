import { Button, Card, SimpleGrid, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { AttentionPanel } from "../features/notifications/components/attention-panel";
import { usePermissions } from "../shared/auth";
import { PageHeader } from "../shared/ui";
import type { NavItem, NavSection } from "./feature";
import { features } from "./features";

// The charts (recharts) load with the dashboard, not with the app's first page.
const HomeDashboard = lazy(() =>
  import("../features/dashboards/components/home-dashboard").then((m) => ({ default: m.HomeDashboard })),
);

export function HomePage() {
  const { t } = useTranslation();
  const permissions = usePermissions();
  const visible = (item: NavItem) => !item.visible || item.visible(permissions);
  // The same entries as the navbar: a section lists only the pages this visitor can open.
  const sections = features
    .map((feature) => feature.nav)
    .filter((nav): nav is NavSection => !!nav && visible(nav))
    .map((nav) => ({ ...nav, items: nav.items?.filter(visible) }))
    .filter((nav) => !nav.items || nav.items.length > 0);

  return (
    <>
      <PageHeader title={t("home.welcome")} description={t("home.intro")} />
      <Stack gap="lg">
        {permissions.user ? (
          <>
            <Text data-testid="signed-in-as">
              {t("home.signedInAs", { name: permissions.user.displayName })}
            </Text>
            <AttentionPanel />
            <Suspense fallback={null}>
              <HomeDashboard />
            </Suspense>
          </>
        ) : (
          <Card withBorder>
            <Stack gap="sm" align="flex-start">
              <Text>{t("home.signInPrompt")}</Text>
              <Button component={Link} to="/login">
                {t("header.signIn")}
              </Button>
            </Stack>
          </Card>
        )}
        <Title order={2} size="h4">
          {t("home.sections")}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
          {sections.map((nav) => {
            const Icon = nav.icon;
            const to = nav.items?.[0]?.to ?? nav.to;
            return (
              <Card key={nav.to} withBorder component={Link} to={to} padding="md" data-testid="home-section">
                <Stack gap="xs" align="flex-start">
                  {Icon && (
                    <ThemeIcon variant="light" size="lg">
                      <Icon size={20} />
                    </ThemeIcon>
                  )}
                  <Text fw={600}>{t(nav.label)}</Text>
                  {nav.items && (
                    <Text size="sm" c="dimmed">
                      {nav.items.map((item) => t(item.label)).join(" · ")}
                    </Text>
                  )}
                </Stack>
              </Card>
            );
          })}
        </SimpleGrid>
      </Stack>
    </>
  );
}
