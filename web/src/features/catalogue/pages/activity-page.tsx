import { Anchor, Badge, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../../shared/i18n/format";
import { DetailList, PageHeader, PlainTable, RecordPage, ReleasabilityBadge } from "../../../shared/ui";
import { useActivity, useAreas } from "../api";
import { ActivityActions } from "../components/activity-actions";
import { localTitle, useDateRange } from "../components/labels";
import { OpenRecordButton } from "../components/open-record-button";
import { ProposalDecision, ProposalNotice } from "../components/proposal-decision";

export function ActivityPage() {
  const { t } = useTranslation("catalogue");
  const { language } = useFormat();
  const dates = useDateRange();
  const areas = useAreas();
  const areaName = (code: string) => {
    const area = areas.data?.find((item) => item.code === code);
    if (!area) return code;
    return language === "az" ? area.nameAz : language === "ru" ? area.nameRu : area.nameEn;
  };

  return (
    <RecordPage useRecord={useActivity}>
      {(a) => {
        const description =
          (language === "az" && a.descriptionAz) || (language === "ru" && a.descriptionRu) || a.descriptionEn;
        return (
          <>
            <PageHeader
              title={localTitle(a, language)}
              description={a.code}
              breadcrumbs={[{ label: t("search.title"), to: "/catalogue" }, { label: a.code }]}
              actions={
                a.canEdit || a.canDecide ? (
                  <Group gap="xs">
                    <ProposalDecision activity={a} />
                    {a.canEdit && <ActivityActions activity={a} />}
                  </Group>
                ) : undefined
              }
              badges={
                <Group gap={4}>
                  <Badge variant="light">{t(`common:activityKinds.${a.kind}`)}</Badge>
                  <Badge
                    color={
                      a.status === "published"
                        ? "green"
                        : a.status === "proposed"
                          ? "yellow"
                          : a.status === "rejected"
                            ? "red"
                            : "gray"
                    }
                    data-testid="activity-status"
                  >
                    {t(`statuses.${a.status}`)}
                  </Badge>
                  <ReleasabilityBadge level={a.releasability as "public"} />
                  {a.sample && (
                    <Badge color="grape" variant="outline">
                      {t("fields.sample")}
                    </Badge>
                  )}
                </Group>
              }
            />
            <Stack>
              <ProposalNotice activity={a} />
              {description && <Text style={{ whiteSpace: "pre-line" }}>{description}</Text>}
              {a.cancelReason && <Text c="red">{a.cancelReason}</Text>}
              <DetailList
                items={[
                  { label: t("fields.organiser"), value: a.organiser.nameEn },
                  { label: t("fields.hostInstitution"), value: a.hostInstitution?.nameEn },
                  {
                    label: t("fields.place"),
                    value: a.online
                      ? t("fields.online")
                      : [a.venue, a.city, a.hostNation?.nameEn].filter(Boolean).join(", "),
                  },
                  { label: t("fields.languages"), value: a.languages.join(", ").toUpperCase() },
                  {
                    label: t("fields.eligibility"),
                    value:
                      t(`eligibility.${a.eligibility}`) +
                      (a.eligibleNations.length
                        ? `: ${a.eligibleNations.map((n) => n.code).join(", ")}`
                        : ""),
                  },
                  {
                    label: t("fields.capacity"),
                    value: a.capacity ?? t("fields.unlimited"),
                    testId: "activity-capacity",
                  },
                  { label: t("fields.quota"), value: a.nationQuota },
                  { label: t("fields.areas"), value: a.areas.map(areaName).join("; ") },
                  {
                    label: t("fields.prerequisites"),
                    value: [
                      a.prerequisites.languageLevel,
                      a.prerequisites.clearanceNote,
                      a.prerequisites.requiredActivityCodes?.join(", "),
                    ]
                      .filter(Boolean)
                      .join("; "),
                  },
                  {
                    label: t("fields.references"),
                    value: a.externalRefs.map((ref) => (
                      <div key={ref.label + ref.value}>
                        {ref.url ? (
                          <Anchor href={ref.url} target="_blank" rel="noreferrer">
                            {ref.label}: {ref.value}
                          </Anchor>
                        ) : (
                          `${ref.label}: ${ref.value}`
                        )}
                      </div>
                    )),
                  },
                ]}
              />
              <Paper withBorder p="md">
                <Title order={2} size="h4" mb="sm">
                  {t("fields.events")}
                </Title>
                <PlainTable
                  data-testid="activity-events"
                  minWidth={560}
                  columns={[t("fields.dates"), t("fields.place"), t("fields.status"), t("event.seats"), null]}
                >
                  {a.events.map((event) => (
                    <Table.Tr key={event.id}>
                      <Table.Td>{dates(event.startsOn, event.endsOn)}</Table.Td>
                      <Table.Td>{[event.venue, event.city].filter(Boolean).join(", ")}</Table.Td>
                      <Table.Td>{t(`statuses.${event.status}`)}</Table.Td>
                      <Table.Td>
                        {event.accepted} / {event.capacity ?? "∞"}
                        {event.waitlisted ? ` (+${event.waitlisted})` : ""}
                      </Table.Td>
                      <Table.Td>
                        <OpenRecordButton
                          to={`/catalogue/events/${event.id}`}
                          testId={`event-open-${event.startsOn}`}
                        >
                          {t("event.open")}
                        </OpenRecordButton>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </PlainTable>
              </Paper>
            </Stack>
          </>
        );
      }}
    </RecordPage>
  );
}
