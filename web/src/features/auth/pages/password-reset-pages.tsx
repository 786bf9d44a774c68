import { Alert, Anchor, PasswordInput, Stack, Text } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router-dom";
import { api } from "../../../shared/api";
import { errorMessage, SubmitButton, TextField } from "../../../shared/ui";
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

/**
 * A form of one field and its submit button, with the failure of the last try above the field; once its write
 * has succeeded, only what that says.
 */
function OneFieldForm({
  onSubmit,
  write,
  done,
  intro,
  children,
  submit,
}: {
  onSubmit: (event: FormEvent) => void;
  /** The form's write (a mutation): its failure, progress and success. */
  write: { error: unknown; isPending: boolean; isSuccess: boolean };
  /** What the page says once the write has succeeded. */
  done: { label: string; testId: string };
  /** What the form says first, above the failure. */
  intro?: ReactNode;
  /** The field. */
  children: ReactNode;
  submit: { label: string; testId: string };
}) {
  const { t } = useTranslation("auth");
  if (write.isSuccess)
    return (
      <Alert color="green" data-testid={done.testId}>
        {done.label}
      </Alert>
    );
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        {intro}
        {write.error ? <Alert color="red">{errorMessage(write.error, t)}</Alert> : null}
        {children}
        <SubmitButton write={write} testId={submit.testId}>
          {submit.label}
        </SubmitButton>
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
      <OneFieldForm
        onSubmit={submit}
        write={send}
        done={{ label: t("forgot.sent"), testId: "forgot-sent" }}
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
      ) : (
        <OneFieldForm
          onSubmit={submit}
          write={reset}
          done={{ label: t("reset.done"), testId: "reset-done" }}
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
