import { SimpleGrid, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

export interface DetailItem {
  label: ReactNode;
  value: ReactNode;
  /** `data-testid` of the value. */
  testId?: string;
}

/** Label/value pairs of a detail page, in a responsive grid; empty values show a dash. */
export function DetailList({ items, cols = 3 }: { items: DetailItem[]; cols?: number }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: cols }} spacing="md" verticalSpacing="sm" component="dl" m={0}>
      {items.map((item, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the list is static per render
        <Stack key={index} gap={2} miw={0}>
          <Text component="dt" size="xs" c="dimmed" tt="uppercase" fw={600}>
            {item.label}
          </Text>
          <Text component="dd" m={0} data-testid={item.testId} style={{ overflowWrap: "anywhere" }}>
            {item.value === null || item.value === undefined || item.value === ""
              ? t("status.none")
              : item.value}
          </Text>
        </Stack>
      ))}
    </SimpleGrid>
  );
}
