import { Button, Center, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useRouteError } from "react-router-dom";
import { ErrorAlert, PageHeader } from "../shared/ui";

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t("errors.pageNotFound")} />
      <Button component={Link} to="/" variant="default">
        {t("nav.home")}
      </Button>
    </>
  );
}

/** Rendered by the router when a page throws or its code cannot be loaded (for example after a deploy). */
export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  return (
    <Center mih="60vh" p="md">
      <Stack maw={560} w="100%">
        <Title order={1} size="h2">
          {t("errors.title")}
        </Title>
        <ErrorAlert error={error} onRetry={() => window.location.reload()} />
        <Text size="sm">
          <Link to="/">{t("nav.home")}</Link>
        </Text>
      </Stack>
    </Center>
  );
}
