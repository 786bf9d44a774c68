import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router-dom";
import { isApiError } from "../api";

/** A translated sentence for an error: generic codes get our own wording, others the server's message. */
export function errorMessage(error: unknown, t: TFunction): string {
  if (isApiError(error)) {
    if (error.code === "NETWORK_ERROR") return t("errors.network");
    if (error.status === 401) return t("errors.unauthenticated");
    if (error.code === "FORBIDDEN") return t("errors.forbidden");
    if (error.code === "NOT_FOUND") return t("errors.notFound");
    if (error.status >= 500) return t("errors.unexpected");
    return error.message;
  }
  return t("errors.unexpected");
}

export interface ErrorAlertProps {
  error: unknown;
  /** Shows a "try again" button. */
  onRetry?: () => void;
  title?: string;
}

/** Shows an API (or any) error with its request id; a 401 offers to sign in and come back. */
export function ErrorAlert({ error, onRetry, title }: ErrorAlertProps) {
  const { t } = useTranslation();
  const location = useLocation();
  const requestId = isApiError(error) ? error.requestId : null;
  const signIn = isApiError(error) && error.status === 401;
  const next = encodeURIComponent(location.pathname + location.search);

  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle />}
      title={title ?? t("errors.title")}
      data-testid="error-alert"
    >
      <Stack gap="xs">
        <Text size="sm">{errorMessage(error, t)}</Text>
        {requestId && (
          <Text size="xs" c="dimmed">
            {t("errors.requestId", { id: requestId })}
          </Text>
        )}
        {(onRetry || signIn) && (
          <Group gap="xs">
            {signIn && (
              <Button size="xs" component={Link} to={`/login?next=${next}`}>
                {t("header.signIn")}
              </Button>
            )}
            {onRetry && !signIn && (
              <Button size="xs" variant="default" onClick={onRetry}>
                {t("actions.retry")}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Alert>
  );
}
