import { Anchor, Breadcrumbs, Group, Stack, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import type { ReactNode } from "react";
import { Link } from "react-router-dom";

export interface Crumb {
  label: ReactNode;
  to?: string;
}

export interface PageHeaderProps {
  title: ReactNode;
  description?: ReactNode;
  /** Buttons on the right (create, edit, delete…). */
  actions?: ReactNode;
  /** The browser tab's title (defaults to `title` when it is a string). */
  documentTitle?: string;
  /** Badges beside the title (archived, releasability…). */
  badges?: ReactNode;
  breadcrumbs?: Crumb[];
}

const BREADCRUMB_STYLES = {
  root: { flexWrap: "wrap", rowGap: 4, minWidth: 0 },
  breadcrumb: { whiteSpace: "normal", overflowWrap: "anywhere", minWidth: 0, lineHeight: 1.4 },
} as const;

/** The top of every page: breadcrumbs, one `h1`, an optional description and the page's actions. */
export function PageHeader({
  title,
  description,
  actions,
  badges,
  breadcrumbs,
  documentTitle,
}: PageHeaderProps) {
  const tabTitle = documentTitle ?? (typeof title === "string" ? title : "");
  useDocumentTitle(tabTitle ? `${tabTitle} · Accord` : "Accord");
  return (
    <Stack gap="xs" mb="lg">
      {breadcrumbs && breadcrumbs.length > 0 && (
        // Mantine sets each crumb's own style and `white-space: nowrap`, so a long crumb's wrapping is set here, on
        // the crumb slot: the row wraps between crumbs, and a crumb longer than the screen wraps inside itself.
        <Breadcrumbs styles={BREADCRUMB_STYLES}>
          {breadcrumbs.map((crumb, index) =>
            crumb.to ? (
              <Anchor key={crumb.to} component={Link} to={crumb.to} size="sm">
                {crumb.label}
              </Anchor>
            ) : (
              // biome-ignore lint/suspicious/noArrayIndexKey: crumbs without a link have no better key
              <Text key={index} size="sm" c="dimmed">
                {crumb.label}
              </Text>
            ),
          )}
        </Breadcrumbs>
      )}
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Group gap="sm" align="center">
          <Title order={1} size="h2" style={{ overflowWrap: "anywhere" }}>
            {title}
          </Title>
          {badges}
        </Group>
        {actions && <Group gap="xs">{actions}</Group>}
      </Group>
      {description && <Text c="dimmed">{description}</Text>}
    </Stack>
  );
}
