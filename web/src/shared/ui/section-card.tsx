import { Group, Paper, type PaperProps, Text, type TextProps, Title } from "@mantine/core";
import type { ReactNode } from "react";

export interface SectionCardProps extends Omit<PaperProps, "title" | "children"> {
  /** The section's heading (an h2, sized as h4). */
  title: ReactNode;
  children?: ReactNode;
  /** Controls at the right of the heading (a button, a link); when given, heading and actions share a row. */
  actions?: ReactNode;
  /** `data-testid` of the card. */
  testId?: string;
}

/**
 * A bordered section of a detail page: its heading, optionally actions beside it, then its content. Detail pages
 * wrote this Paper/Title pair for every section.
 */
export function SectionCard({ title, children, actions, testId, ...paper }: SectionCardProps) {
  return (
    <Paper withBorder p="md" radius="md" data-testid={testId} {...paper}>
      {actions === undefined ? (
        <Title order={2} size="h4" mb="sm">
          {title}
        </Title>
      ) : (
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4">
            {title}
          </Title>
          {actions}
        </Group>
      )}
      {children}
    </Paper>
  );
}

/** Small dimmed words: what a section says when it has nothing to list, or a note under a value. */
export function DimmedText({ children, size = "sm", ...props }: TextProps & { children: ReactNode }) {
  return (
    <Text size={size} c="dimmed" {...props}>
      {children}
    </Text>
  );
}
