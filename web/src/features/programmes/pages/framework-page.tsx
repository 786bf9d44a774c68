import { Anchor, Paper, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { useFormat } from "../../../shared/i18n/format";
import { DetailList, PageHeader, QueryBoundary } from "../../../shared/ui";
import { useFramework } from "../api";
import { PlanKindName } from "../components/area-name";
import { FrameworkActions } from "../components/framework-forms";
import { RecordBadges, useProgrammeWriters } from "../components/shared";

export function FrameworkPage() {
  const { t } = useTranslation("programmes");
  const format = useFormat();
  const { id } = useParams();
  const document = useFramework(id);
  const writers = useProgrammeWriters();
  return (
    <QueryBoundary query={document}>
      {(data) => (
        <>
          <PageHeader
            title={data.title}
            badges={<RecordBadges record={data} />}
            breadcrumbs={[{ label: t("plans.title"), to: "/programmes/plans" }, { label: data.title }]}
            actions={writers.canEdit(data) && <FrameworkActions document={data} />}
          />
          <Paper withBorder p="md" radius="md">
            <DetailList
              items={[
                {
                  label: t("plans.kind"),
                  value: <PlanKindName code={data.kind} />,
                  testId: "framework-kind",
                },
                { label: t("framework.parties"), value: data.parties.join(", ") },
                { label: t("framework.signed"), value: format.date(data.signedOn, data.signedPrecision) },
                { label: t("framework.signatories"), value: data.signatories.join(", ") || "—" },
                {
                  label: t("framework.validity"),
                  value:
                    data.validFrom || data.validUntil
                      ? `${format.date(data.validFrom)} – ${format.date(data.validUntil)}`
                      : "—",
                },
                { label: t("common.source"), value: data.source ?? "—" },
                {
                  label: t("framework.replaces"),
                  value: data.replacesId ? (
                    <Anchor component={Link} to={`/programmes/frameworks/${data.replacesId}`}>
                      {t("common.open")}
                    </Anchor>
                  ) : (
                    "—"
                  ),
                },
                {
                  label: t("framework.replacedBy"),
                  value: data.replacedById ? (
                    <Anchor component={Link} to={`/programmes/frameworks/${data.replacedById}`}>
                      {t("common.open")}
                    </Anchor>
                  ) : (
                    "—"
                  ),
                },
                {
                  label: t("framework.files"),
                  value: (
                    <Stack gap={2}>
                      {data.files.map((file) => (
                        <Anchor key={file.id} href={`/api/frameworks/${data.id}/files/${file.id}`} size="sm">
                          {file.filename} ({Math.ceil(file.sizeBytes / 1024)} KB)
                        </Anchor>
                      ))}
                      {data.files.length === 0 && <Text size="sm">—</Text>}
                    </Stack>
                  ),
                },
              ]}
            />
          </Paper>
        </>
      )}
    </QueryBoundary>
  );
}
