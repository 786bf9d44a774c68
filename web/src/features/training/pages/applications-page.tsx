import { Badge, Button, Group, Progress, Stack } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { usePermissions } from "../../../shared/auth";
import { useFormat } from "../../../shared/i18n/format";
import {
  type DataTableColumn,
  DimmedText,
  EmptyState,
  PageHeader,
  ReleasabilityBadge,
  RowLink,
  useListParams,
} from "../../../shared/ui";
import { RecordListTable } from "../../../shared/ui/record-list-table";
import { useApplications } from "../api";
import { OpenApplication } from "../components/accreditation-authoring";
import { localTitle } from "../local";
import type { ApplicationSummary } from "../types";

const applicationPath = (record: { id: string }) => `/training/accreditation/${record.id}`;

export function ApplicationsPage() {
  const { t } = useTranslation("training");
  const format = useFormat();
  const { hasAnyRole } = usePermissions();
  const [opening, setOpening] = useState(false);
  const list = useListParams({ defaultSort: "" });
  const applications = useApplications({ limit: list.query.limit, offset: list.query.offset });
  const columns: DataTableColumn<ApplicationSummary>[] = [
    {
      key: "centre",
      header: t("accreditation.centre"),
      render: (a) => (
        <Group gap="xs">
          <RowLink to={applicationPath(a)}>{localTitle(a.centre.name, format.language)}</RowLink>
          <ReleasabilityBadge level={a.releasability} size="xs" />
        </Group>
      ),
    },
    { key: "kind", header: t("accreditation.kind"), render: (a) => t(`kindsOfApplication.${a.kind}`) },
    {
      key: "state",
      header: t("accreditation.state"),
      render: (a) => (
        <Badge variant="light" color={a.state === "decided" ? "green" : "blue"}>
          {a.decision ? t(`decisions.${a.decision}`) : t(`states.${a.state}`)}
        </Badge>
      ),
    },
    {
      key: "progress",
      header: t("accreditation.progress"),
      render: (a) => (
        <Stack gap={2} w={220}>
          <Progress
            value={(a.progress.complete / Math.max(1, a.progress.standards)) * 100}
            aria-label={t("accreditation.progress")}
          />
          <DimmedText size="xs">{t("accreditation.complete", a.progress)}</DimmedText>
        </Stack>
      ),
    },
    {
      key: "validUntil",
      header: t("accreditation.validUntil"),
      render: (a) => (a.validUntil ? format.date(a.validUntil) : "—"),
    },
  ];
  return (
    <>
      <PageHeader
        title={t("accreditation.title")}
        description={t("accreditation.description")}
        actions={
          hasAnyRole("administrator", "national_coordinator", "organiser", "course_director") && (
            <Button onClick={() => setOpening(true)} data-testid="application-open">
              {t("authoring.openApplication")}
            </Button>
          )
        }
      />
      {opening && <OpenApplication onClose={() => setOpening(false)} />}
      <RecordListTable
        query={applications}
        list={list}
        data-testid="applications-table"
        columns={columns}
        rowTestId={(a) => `application-row-${a.centre.code}`}
        recordPath={applicationPath}
        empty={<EmptyState description={t("accreditation.empty")} />}
      />
    </>
  );
}
