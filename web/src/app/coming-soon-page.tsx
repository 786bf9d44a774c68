import { Paper, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { IconTools } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../shared/ui";
import type { Feature, NavIcon, NavItem } from "./feature";

/** The page of a capability that is not built yet. */
export function ComingSoonPage({ labelKey }: { labelKey: string }) {
  const { t } = useTranslation();
  const name = t(labelKey);
  return (
    <>
      <PageHeader title={name} />
      <Paper withBorder p="xl" radius="md" data-testid="coming-soon">
        <Stack align="center" gap="sm">
          <ThemeIcon size={48} radius="xl" variant="light">
            <IconTools size={28} aria-hidden />
          </ThemeIcon>
          <Title order={2} size="h3">
            {t("comingSoon.title")}
          </Title>
          <Text c="dimmed" ta="center">
            {t("comingSoon.body", { feature: name })}
          </Text>
        </Stack>
      </Paper>
    </>
  );
}

/** A placeholder feature: a navbar link and a "coming soon" page under `/<path>`. Replace it with the real one. */
export function comingSoon(path: string, icon: NavIcon, visible?: NavItem["visible"]): Feature {
  const labelKey = `common:nav.${path}`;
  return {
    namespace: path,
    routes: [{ path: `${path}/*`, element: <ComingSoonPage labelKey={labelKey} /> }],
    nav: { to: `/${path}`, label: labelKey, icon, visible },
  };
}
