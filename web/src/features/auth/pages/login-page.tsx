import {
  Alert,
  Anchor,
  Button,
  Center,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDocumentTitle } from "@mantine/hooks";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useNavigate, useSearchParams } from "react-router-dom";
import { isApiError } from "../../../shared/api";
import { useCurrentUser, useSession } from "../../../shared/auth";
import { errorMessage } from "../../../shared/ui";
import { useSignIn } from "../api";
import { LanguageButtons } from "../components/language-buttons";

/** Only same-site paths: `next` comes from the URL and must not send the user elsewhere. */
export function safeNext(next: string | null): string {
  return next?.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
}

export function LoginPage() {
  const { t } = useTranslation("auth");
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const singleSignOn = useSession().data?.singleSignOn ?? false;
  const signIn = useSignIn();
  const next = safeNext(searchParams.get("next"));
  useDocumentTitle(`${t("login.title")}`);

  const form = useForm({
    initialValues: { username: "", password: "" },
    validate: {
      username: (value) => (value.trim() ? null : t("common:errors.required")),
      password: (value) => (value ? null : t("common:errors.required")),
    },
  });

  if (user && !signIn.isPending && !signIn.isSuccess) return <Navigate to={next} replace />;

  const submit = form.onSubmit((values) => {
    signIn.mutate(
      { username: values.username.trim(), password: values.password },
      {
        onSuccess: (session) => {
          navigate(session.user?.mustChangePassword ? "/change-password" : next, { replace: true });
        },
        onError: () => form.setFieldValue("password", ""),
      },
    );
  });

  // 401, 423 (locked until…) and 429 carry a message meant for the user; show the server's words.
  const failure = signIn.error;
  const failureText =
    isApiError(failure) && [400, 401, 423, 429].includes(failure.status)
      ? failure.message
      : errorMessage(failure, t);

  return (
    <Center mih="100vh" p="md" bg="var(--mantine-color-gray-0)">
      <Stack w="100%" maw={400}>
        <LanguageButtons />
        <Paper withBorder shadow="sm" p="xl" radius="md">
          <form onSubmit={submit} noValidate data-testid="login-form">
            <Stack>
              <Title order={1} size="h3">
                {t("login.title")}
              </Title>
              {failure && (
                <Alert
                  color="red"
                  icon={<IconAlertTriangle />}
                  title={t("login.failed")}
                  data-testid="login-error"
                >
                  <Text size="sm">{failureText}</Text>
                </Alert>
              )}
              <TextInput
                label={t("login.username")}
                autoComplete="username"
                autoFocus
                required
                data-testid="login-username"
                {...form.getInputProps("username")}
              />
              <PasswordInput
                label={t("login.password")}
                autoComplete="current-password"
                required
                data-testid="login-password"
                {...form.getInputProps("password")}
              />
              <Button type="submit" loading={signIn.isPending} fullWidth data-testid="login-submit">
                {t("login.submit")}
              </Button>
              <Anchor component={Link} to="/forgot-password" size="sm" data-testid="login-forgot">
                {t("forgot.link")}
              </Anchor>
              {singleSignOn && (
                <Button
                  component="a"
                  variant="default"
                  fullWidth
                  href={`/api/auth/oidc/login?returnTo=${encodeURIComponent(next)}`}
                  data-testid="login-sso"
                >
                  {t("login.singleSignOn")}
                </Button>
              )}
            </Stack>
          </form>
        </Paper>
        {/* The public pages (catalogue, calendar, courses) need no account: the way back to them. */}
        <Anchor component={Link} to={next} size="sm" ta="center" data-testid="login-back">
          {t("login.back")}
        </Anchor>
      </Stack>
    </Center>
  );
}
