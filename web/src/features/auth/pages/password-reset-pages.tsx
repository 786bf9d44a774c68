import { Alert, Anchor, Button, PasswordInput, Stack, Text } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router-dom";
import { api } from "../../../shared/api";
import { errorMessage, TextField } from "../../../shared/ui";
import { AuthCard } from "../components/auth-card";

/** The page's card, under the language buttons, ending with the way back to the sign-in page. */
function Frame({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation("auth");
  return (
    <AuthCard title={title}>
      {children}
      <Anchor component={Link} to="/login" size="sm">
        {t("forgot.back")}
      </Anchor>
    </AuthCard>
  );
}

/** A form of one field and its submit button, with the failure of the last try above the field. */
function OneFieldForm({
  onSubmit,
  intro,
  error,
  pending,
  children,
  submit,
}: {
  onSubmit: (event: FormEvent) => void;
  /** What the form says first, above the failure. */
  intro?: ReactNode;
  error: unknown;
  pending: boolean;
  /** The field. */
  children: ReactNode;
  submit: { label: string; testId: string };
}) {
  const { t } = useTranslation("auth");
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        {intro}
        {error ? <Alert color="red">{errorMessage(error, t)}</Alert> : null}
        {children}
        <Button type="submit" loading={pending} data-testid={submit.testId}>
          {submit.label}
        </Button>
      </Stack>
    </form>
  );
}

/** Asks for a reset link; says the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  const { t } = useTranslation("auth");
  const [email, setEmail] = useState("");
  const send = useMutation({
    mutationFn: (address: string) =>
      api.post<{ message: string }>("/api/auth/password/forgot", { email: address }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (email.trim()) send.mutate(email.trim());
  };
  return (
    <Frame title={t("forgot.title")}>
      {send.isSuccess ? (
        <Alert color="green" data-testid="forgot-sent">
          {t("forgot.sent")}
        </Alert>
      ) : (
        <OneFieldForm
          onSubmit={submit}
          error={send.error}
          pending={send.isPending}
          intro={<Text size="sm">{t("forgot.intro")}</Text>}
          submit={{ label: t("forgot.submit"), testId: "forgot-submit" }}
        >
          <TextField
            label={t("forgot.email")}
            type="email"
            autoComplete="email"
            required
            value={email}
            onValue={setEmail}
            testId="forgot-email"
          />
        </OneFieldForm>
      )}
    </Frame>
  );
}

/** The page of the link in the e-mail: the token travels in the fragment, which never reaches a server log. */
export function ResetPasswordPage() {
  const { t } = useTranslation("auth");
  const { hash } = useLocation();
  const token = new URLSearchParams(hash.replace(/^#/, "")).get("token");
  const [password, setPassword] = useState("");
  const reset = useMutation({
    mutationFn: (input: { token: string; password: string }) =>
      api.post<{ message: string }>("/api/auth/password/reset", input),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (token && password) reset.mutate({ token, password });
  };
  return (
    <Frame title={t("reset.title")}>
      {!token ? (
        <Alert color="yellow">{t("reset.missing")}</Alert>
      ) : reset.isSuccess ? (
        <Alert color="green" data-testid="reset-done">
          {t("reset.done")}
        </Alert>
      ) : (
        <OneFieldForm
          onSubmit={submit}
          error={reset.error}
          pending={reset.isPending}
          submit={{ label: t("reset.submit"), testId: "reset-submit" }}
        >
          <PasswordInput
            label={t("reset.password")}
            description={t("password.hint")}
            autoComplete="new-password"
            required
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            data-testid="reset-password"
          />
        </OneFieldForm>
      )}
    </Frame>
  );
}
