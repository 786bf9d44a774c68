import { Alert, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router-dom";
import { EmptyState, PageHeader, QueryBoundary } from "../../../shared/ui";
import { useActivityReport } from "../api";
import { FiguresTable } from "../components/event-feedback";

/** An activity's feedback year by year, across its copies in other menu years. */
export function ActivityFeedbackPage() {
  const { t } = useTranslation("feedback");
  const { id = "" } = useParams();
  const report = useActivityReport(id);
  return (
    <QueryBoundary query={report}>
      {(data) => {
        const asked = data.years.find((year) => year.activityId === data.activityId);
        return (
          <>
            <PageHeader
              title={t("report.allYears")}
              description={t("report.yearsDescription", { code: asked?.activityCode ?? "" })}
              breadcrumbs={[
                { label: asked?.activityCode ?? "", to: `/catalogue/activities/${data.activityId}` },
                { label: t("report.allYears") },
              ]}
            />
            {data.years.length ? (
              <Stack data-testid="feedback-years">
                {data.years.map((year) => (
                  <Paper
                    key={year.activityId}
                    withBorder
                    p="md"
                    data-testid={`feedback-year-${year.menuYear}`}
                  >
                    <Title order={4}>
                      {year.menuYear} · {year.activityCode}
                    </Title>
                    <Text size="sm" mb="xs">
                      {t("report.events")}: {year.events} ·{" "}
                      {t("report.respondents", {
                        respondents: year.respondents,
                        participants: year.participants,
                      })}
                    </Text>
                    {year.withheld ? (
                      <Alert color="gray">{t("report.withheld", { minimum: data.minimumRespondents })}</Alert>
                    ) : (
                      <FiguresTable questions={year.questions} />
                    )}
                  </Paper>
                ))}
              </Stack>
            ) : (
              <EmptyState description={t("report.noYears")} />
            )}
          </>
        );
      }}
    </QueryBoundary>
  );
}
