import { Center, Paper, Stack, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import type { ReactNode } from "react";
import { LanguageButtons } from "./language-buttons";

/**
 * The page of a signed-out (or not yet admitted) user, outside the shell: the language buttons above a card
 * headed by the page's title, which is also the document's title.
 */
export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  useDocumentTitle(title);
  return (
    <Center mih="100vh" p="md" bg="var(--mantine-color-gray-0)">
      <Stack w="100%" maw={440}>
        <LanguageButtons />
        <Paper withBorder shadow="sm" p="xl" radius="md">
          <Stack>
            <Title order={1} size="h3">
              {title}
            </Title>
            {children}
          </Stack>
        </Paper>
      </Stack>
    </Center>
  );
}
