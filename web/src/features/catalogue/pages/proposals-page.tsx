import { Badge, Button, Paper, SegmentedControl, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useFormat } from "../../../shared/i18n/format";
import { DataTable, DimmedText, EmptyState, PageHeader, QueryBoundary } from "../../../shared/ui";
import { useActivities } from "../api";
import { localTitle } from "../components/labels";
import { OpenRecordButton } from "../components/open-record-button";
import type { ActivityPage } from "../types";

const LIMIT = 25;
type Row = ActivityPage["items"][number];

/**
 * Partners' activity proposals: those awaiting alliance staff's decision and those they rejected. Partners see their
 * own organisation's, alliance staff every partner's (the server's read rule); decisions are made on the activity.
 */
export function ProposalsPage() {
  const { t } = useTranslation("catalogue");
  const { language } = useFormat();
  const [status, setStatus] = useState<"proposed" | "rejected">("proposed");
  const [offset, setOffset] = useState(0);
  const proposals = useActivities({ status, sort: "-startsOn", limit: LIMIT, offset, facets: false });

  return (
    <>
      <PageHeader
        title={t("proposals.title")}
        description={t("proposals.intro")}
        actions={
          <Button component={Link} to="/catalogue/activities/new" size="xs" data-testid="proposal-new">
            {t("proposals.propose")}
          </Button>
        }
      />
      <Stack>
        <SegmentedControl
          value={status}
          onChange={(value) => {
            setStatus(value as "proposed" | "rejected");
            setOffset(0);
          }}
          data={[
            { value: "proposed", label: t("proposals.awaiting") },
            { value: "rejected", label: t("proposals.rejected") },
          ]}
          data-testid="proposals-status"
        />
        <Paper withBorder p="md">
          <QueryBoundary query={proposals}>
            {(page) => (
              <DataTable<Row>
                data-testid="proposals-table"
                rows={page.items}
                rowKey={(row) => row.id}
                rowTestId={(row) => `proposal-${row.code}`}
                total={page.total}
                limit={page.limit}
                offset={page.offset}
                onOffsetChange={setOffset}
                empty={<EmptyState title={t("proposals.none")} />}
                columns={[
                  {
                    key: "title",
                    header: t("fields.title"),
                    render: (row) => (
                      <Stack gap={0}>
                        <Text size="sm" fw={500}>
                          {localTitle(row, language)}
                        </Text>
                        <DimmedText size="xs">{row.code}</DimmedText>
                      </Stack>
                    ),
                  },
                  { key: "organiser", header: t("fields.organiser"), render: (row) => row.organiser.nameEn },
                  { key: "year", header: t("proposals.year"), render: (row) => row.menuYear },
                  {
                    key: "status",
                    header: t("fields.status"),
                    render: (row) => (
                      <Badge color={row.status === "rejected" ? "red" : "yellow"} variant="light">
                        {t(`statuses.${row.status}`)}
                      </Badge>
                    ),
                  },
                  {
                    key: "open",
                    header: "",
                    render: (row) => (
                      <OpenRecordButton
                        to={`/catalogue/activities/${row.id}`}
                        testId={`proposal-open-${row.code}`}
                      >
                        {t("proposals.review")}
                      </OpenRecordButton>
                    ),
                  },
                ]}
              />
            )}
          </QueryBoundary>
        </Paper>
      </Stack>
    </>
  );
}
