import { Alert, Center, Paper, Stack, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { Navigate, useNavigate } from "react-router-dom";
import { useCurrentUser } from "../../../shared/auth";
import { ChangePasswordForm } from "../components/change-password-form";
import { LanguageButtons } from "../components/language-buttons";

/** Where a user whose password must change is kept until it has changed. */
export function ChangePasswordPage() {
  const { t } = useTranslation("auth");
  const user = useCurrentUser();
  const navigate = useNavigate();
  useDocumentTitle(t("password.title"));

  if (!user) return <Navigate to="/login?next=%2Fchange-password" replace />;

  return (
    <Center mih="100vh" p="md" bg="var(--mantine-color-gray-0)">
      <Stack w="100%" maw={440}>
        <LanguageButtons />
        <Paper withBorder shadow="sm" p="xl" radius="md">
          <Stack>
            <Title order={1} size="h3">
              {t("password.title")}
            </Title>
            {user.mustChangePassword && (
              <Alert color="yellow" data-testid="must-change-password">
                {t("password.forcedIntro")}
              </Alert>
            )}
            <ChangePasswordForm
              onDone={() => navigate("/", { replace: true })}
              onCancel={user.mustChangePassword ? undefined : () => navigate(-1)}
            />
          </Stack>
        </Paper>
      </Stack>
    </Center>
  );
}
