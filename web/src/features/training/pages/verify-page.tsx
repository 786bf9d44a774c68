import { Alert, Anchor, Center, Container, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconCircleCheck, IconCircleX, IconClockExclamation } from "@tabler/icons-react";
import { type FormEvent, type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router-dom";
import { isApiError } from "../../../shared/api";
import { useFormat } from "../../../shared/i18n/format";
import { DetailList, FormButtons, QueryBoundary, TextField } from "../../../shared/ui";
import { useCertificateLookup, usePublicCertificate } from "../api";
import { localTitle } from "../local";
import type { PublicCertificate } from "../types";

const STATUS = {
  valid: { color: "green", icon: IconCircleCheck },
  expired: { color: "orange", icon: IconClockExclamation },
  revoked: { color: "red", icon: IconCircleX },
} as const;

function VerifyFrame({ children }: { children: ReactNode }) {
  const { t } = useTranslation("training");
  return (
    <Container size="sm" py="xl" component="main">
      <Stack>
        <Title order={1} size="h2">
          {t("verify.title")}
        </Title>
        <Text c="dimmed">{t("verify.intro")}</Text>
        {children}
        <Center>
          <Anchor component={Link} to="/" size="sm">
            Accord
          </Anchor>
        </Center>
      </Stack>
    </Container>
  );
}

/** Number, holder, course, qualification, issuer, signatory and validity of a certificate, with its status. */
function CertificateResult({ certificate: c }: { certificate: PublicCertificate }) {
  const { t } = useTranslation("training");
  const format = useFormat();
  const status = STATUS[c.status];
  return (
    <Paper withBorder p="lg" data-testid="verify-result" data-status={c.status}>
      <Stack>
        <Alert color={status.color} icon={<status.icon />} data-testid="verify-status">
          {t(`verify.${c.status}`)}
        </Alert>
        <DetailList
          cols={2}
          items={[
            { label: t("verify.number"), value: c.number, testId: "verify-number" },
            { label: t("verify.holder"), value: c.holderName, testId: "verify-holder" },
            { label: t("verify.course"), value: localTitle(c.courseTitle, format.language) },
            {
              label: t("verify.held"),
              value: `${format.date(c.courseStartsOn)} – ${format.date(c.courseEndsOn)}`,
            },
            {
              label: t("verify.qualification"),
              value: c.qualification ? localTitle(c.qualification, format.language) : null,
              testId: "verify-qualification",
            },
            {
              label: t("verify.issuer"),
              value: localTitle(c.issuer, format.language),
              testId: "verify-issuer",
            },
            { label: t("verify.signatory"), value: c.signatory, testId: "verify-signatory" },
            { label: t("verify.issuedOn"), value: format.date(c.issuedOn) },
            { label: t("verify.validFrom"), value: format.date(c.validFrom) },
            {
              label: t("verify.validUntil"),
              value: c.validUntil ? format.date(c.validUntil) : t("certificates.noExpiry"),
              testId: "verify-valid-until",
            },
          ]}
        />
      </Stack>
    </Paper>
  );
}

/** Why a check found nothing: the server's limit of checks (429 names it), or `notFound`. */
function useFailureOf() {
  const { t } = useTranslation("training");
  return (error: unknown, notFound: string) =>
    isApiError(error) && error.status === 429 ? t("verify.limited") : notFound;
}

function VerifyFailure({ children }: { children: ReactNode }) {
  return (
    <Alert color="red" data-testid="verify-not-found">
      {children}
    </Alert>
  );
}

/** The public page the QR code points to: works signed out. */
export function VerifyPage() {
  const { code = "" } = useParams();
  const { t } = useTranslation("training");
  const certificate = usePublicCertificate(code);
  const failureOf = useFailureOf();
  const failure = certificate.isError && failureOf(certificate.error, t("verify.notFound"));
  return (
    <VerifyFrame>
      {failure ? (
        <VerifyFailure>{failure}</VerifyFailure>
      ) : (
        <QueryBoundary query={certificate}>{(c) => <CertificateResult certificate={c} />}</QueryBoundary>
      )}
    </VerifyFrame>
  );
}

/** The look-up's fields, each with its words; its key is its parameter in the page's address. */
const LOOKUP_FIELDS = [
  { key: "number", label: "verify.number", placeholder: "verify.numberPlaceholder" },
  { key: "holder", label: "verify.holderFamilyName", placeholder: "verify.holderPlaceholder" },
] as const;

/** `/verify`: anyone holding a paper certificate checks it by its number and the holder's family name. */
export function VerifyLookupPage() {
  const { t } = useTranslation("training");
  const [params, setParams] = useSearchParams();
  const asked = (key: (typeof LOOKUP_FIELDS)[number]["key"]) => params.get(key) ?? "";
  const [values, setValues] = useState({ number: asked("number"), holder: asked("holder") });
  const lookup = useCertificateLookup(asked("number"), asked("holder"));
  const failureOf = useFailureOf();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setParams({ number: values.number.trim(), holder: values.holder.trim() });
  };
  const failure = lookup.isError && failureOf(lookup.error, t("verify.lookupNotFound"));
  return (
    <VerifyFrame>
      <Paper withBorder p="lg" component="form" onSubmit={submit} data-testid="verify-lookup">
        <Stack>
          <Title order={2} size="h4">
            {t("verify.lookupTitle")}
          </Title>
          <Text size="sm">{t("verify.lookupIntro")}</Text>
          <Group grow align="flex-end" wrap="wrap">
            {LOOKUP_FIELDS.map((field) => (
              <TextField
                key={field.key}
                label={t(field.label)}
                placeholder={t(field.placeholder)}
                value={values[field.key]}
                onValue={(value) => setValues((current) => ({ ...current, [field.key]: value }))}
                required
                testId={`verify-lookup-${field.key}`}
              />
            ))}
          </Group>
          <FormButtons
            submit={t("verify.lookup")}
            loading={lookup.isFetching}
            testId="verify-lookup-submit"
          />
        </Stack>
      </Paper>
      {failure && <VerifyFailure>{failure}</VerifyFailure>}
      {lookup.data && <CertificateResult certificate={lookup.data} />}
    </VerifyFrame>
  );
}
