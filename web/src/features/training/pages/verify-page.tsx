import { Alert, Anchor, Center, Container, Paper, Stack, Text, Title } from "@mantine/core";
import { IconCircleCheck, IconCircleX, IconClockExclamation } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { isApiError } from "../../../shared/api";
import { useFormat } from "../../../shared/i18n/format";
import { DetailList, QueryBoundary } from "../../../shared/ui";
import { usePublicCertificate } from "../api";
import { localTitle } from "../local";

const STATUS = {
  valid: { color: "green", icon: IconCircleCheck },
  expired: { color: "orange", icon: IconClockExclamation },
  revoked: { color: "red", icon: IconCircleX },
} as const;

/** The public page the QR code points to: works signed out and shows only name, course, dates and status. */
export function VerifyPage() {
  const { code = "" } = useParams();
  const { t } = useTranslation("training");
  const format = useFormat();
  const certificate = usePublicCertificate(code);
  const failure =
    certificate.isError &&
    (isApiError(certificate.error) && certificate.error.status === 429
      ? t("verify.limited")
      : t("verify.notFound"));
  return (
    <Container size="sm" py="xl">
      <Stack>
        <Title order={1} size="h2">
          {t("verify.title")}
        </Title>
        <Text c="dimmed">{t("verify.intro")}</Text>
        {failure ? (
          <Alert color="red" data-testid="verify-not-found">
            {failure}
          </Alert>
        ) : (
          <QueryBoundary query={certificate}>
            {(c) => {
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
                        { label: t("verify.holder"), value: c.holderName, testId: "verify-holder" },
                        { label: t("verify.course"), value: localTitle(c.courseTitle, format.language) },
                        {
                          label: t("verify.held"),
                          value: `${format.date(c.courseStartsOn)} – ${format.date(c.courseEndsOn)}`,
                        },
                        { label: t("verify.issuedOn"), value: format.date(c.issuedOn) },
                        {
                          label: t("verify.validUntil"),
                          value: c.validUntil ? format.date(c.validUntil) : t("certificates.noExpiry"),
                        },
                      ]}
                    />
                  </Stack>
                </Paper>
              );
            }}
          </QueryBoundary>
        )}
        <Center>
          <Anchor component={Link} to="/" size="sm">
            Accord
          </Anchor>
        </Center>
      </Stack>
    </Container>
  );
}
