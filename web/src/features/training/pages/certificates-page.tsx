import { Anchor, Badge, Group, Select, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../../shared/i18n/format";
import { LANGUAGE_NAMES, LANGUAGES } from "../../../shared/i18n/languages";
import {
  type DataTableColumn,
  DimmedText,
  EmptyState,
  ListPageHeader,
  notifyError,
  useListParams,
} from "../../../shared/ui";
import { RecordListTable } from "../../../shared/ui/record-list-table";
import { useCertificateAction, useCertificates } from "../api";
import { localTitle, STATUS_COLOURS } from "../local";
import type { Certificate, Language } from "../types";

export function CertificatesPage() {
  const { t } = useTranslation("training");
  const format = useFormat();
  const list = useListParams({ defaultSort: "" });
  const certificates = useCertificates({ mine: true, limit: list.query.limit, offset: list.query.offset });
  const setLanguage = useCertificateAction("language");
  const columns: DataTableColumn<Certificate>[] = [
    { key: "number", header: t("certificates.number"), render: (c) => c.number },
    {
      key: "course",
      header: t("certificates.course"),
      render: (c) => (
        <Stack gap={0}>
          <Text size="sm">{localTitle(c.courseTitle, format.language)}</Text>
          <DimmedText size="xs">
            {format.date(c.courseStartsOn)} – {format.date(c.courseEndsOn)}
          </DimmedText>
        </Stack>
      ),
    },
    { key: "issued", header: t("certificates.issuedOn"), render: (c) => format.date(c.issuedOn) },
    {
      key: "validUntil",
      header: t("certificates.validUntil"),
      render: (c) => (c.validUntil ? format.date(c.validUntil) : t("certificates.noExpiry")),
    },
    {
      key: "status",
      header: t("certificates.status"),
      render: (c) => (
        <Badge color={STATUS_COLOURS[c.status]} title={c.revokedReason ?? undefined}>
          {t(`statuses.${c.status}`)}
        </Badge>
      ),
    },
    {
      key: "language",
      header: t("certificates.language"),
      render: (c) => (
        <Select
          size="xs"
          w={140}
          aria-label={t("certificates.language")}
          data-testid={`certificate-language-${c.number}`}
          value={c.language}
          allowDeselect={false}
          disabled={c.status === "revoked"}
          data={LANGUAGES.map((language) => ({ value: language, label: LANGUAGE_NAMES[language] }))}
          onChange={(value) =>
            value &&
            setLanguage.mutate(
              { id: c.id, language: value as Language },
              { onError: (e) => notifyError(e, t) },
            )
          }
        />
      ),
    },
    {
      key: "links",
      header: "",
      render: (c) => (
        <Group gap="sm" wrap="nowrap">
          <Anchor
            href={`/api/training/certificates/${c.id}/pdf`}
            target="_blank"
            data-testid={`certificate-pdf-${c.number}`}
          >
            {t("certificates.pdf")}
          </Anchor>
          <Anchor href={c.verificationUrl} target="_blank" data-testid={`certificate-verify-${c.number}`}>
            {t("certificates.verify")}
          </Anchor>
        </Group>
      ),
    },
  ];
  return (
    <>
      <ListPageHeader
        title={t("certificates.title")}
        description={t("certificates.description")}
        download={{ kind: "certificates", filters: { mine: true } }}
      />
      <RecordListTable
        query={certificates}
        list={list}
        data-testid="my-certificates"
        columns={columns}
        rowTestId={(c) => `certificate-row-${c.number}`}
        empty={<EmptyState description={t("certificates.empty")} />}
      />
    </>
  );
}
