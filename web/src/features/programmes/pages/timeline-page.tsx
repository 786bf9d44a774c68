import {
  Anchor,
  Badge,
  Button,
  Chip,
  Group,
  NumberInput,
  Paper,
  Stack,
  Text,
  Timeline,
  Title,
} from "@mantine/core";
import {
  IconCalendarEvent,
  IconCertificate,
  IconChecklist,
  IconCoin,
  IconDownload,
  IconFileText,
  IconFlag,
  IconGavel,
  IconListCheck,
  IconMail,
  IconPlane,
  IconRosette,
  IconSchool,
  IconShieldCheck,
  IconTarget,
  IconTimeline,
  IconUsers,
  IconUsersGroup,
} from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { toQueryString } from "../../../shared/api";
import { useFormat } from "../../../shared/i18n/format";
import { DimmedText, EmptyState, PageHeader, QueryBoundary } from "../../../shared/ui";
import { useTimeline } from "../api";
import { AddMilestoneButton, DeleteMilestoneButton } from "../components/milestone-forms";
import { NationSelect, SampleBadge, useNationParam, useProgrammeWriters } from "../components/shared";
import { TIMELINE_KINDS, type TimelineEntry, type TimelineKind } from "../types";

const ICONS: Record<TimelineKind, typeof IconFlag> = {
  milestone: IconFlag,
  framework: IconFileText,
  plan_period: IconTimeline,
  programme: IconListCheck,
  goal: IconTarget,
  deployment: IconPlane,
  exercise: IconCalendarEvent,
  event: IconUsersGroup,
  course: IconSchool,
  certificate: IconCertificate,
  accreditation: IconRosette,
  evaluation: IconShieldCheck,
  contribution: IconCoin,
  meeting: IconUsers,
  decision: IconGavel,
  action_item: IconChecklist,
  message: IconMail,
};

const COLOURS: Record<TimelineKind, string> = {
  milestone: "blue",
  framework: "indigo",
  plan_period: "teal",
  programme: "cyan",
  goal: "orange",
  deployment: "red",
  exercise: "grape",
  event: "lime",
  course: "green",
  certificate: "yellow",
  accreditation: "violet",
  evaluation: "pink",
  contribution: "dark",
  meeting: "gray",
  decision: "indigo",
  action_item: "orange",
  message: "cyan",
};

function entryTitle(entry: TimelineEntry, language: string) {
  if (language === "az" && entry.titleAz) return entry.titleAz;
  if (language === "ru" && entry.titleRu) return entry.titleRu;
  return entry.title;
}

/** A year the timeline starts or ends at; left empty, any year. */
function YearBound(props: {
  label: string;
  value: number | undefined;
  onChange: (year: number | undefined) => void;
  testId: string;
}) {
  const { t } = useTranslation("programmes");
  return (
    <NumberInput
      label={props.label}
      placeholder={t("common:list.anyYear")}
      w={120}
      min={1950}
      max={2200}
      value={props.value ?? ""}
      onChange={(value) => props.onChange(typeof value === "number" ? value : undefined)}
      data-testid={props.testId}
    />
  );
}

export function TimelinePage() {
  const { t } = useTranslation("programmes");
  const format = useFormat();
  const [nationId, setNationId] = useNationParam();
  const [kinds, setKinds] = useState<string[]>([...TIMELINE_KINDS]);
  const [fromYear, setFromYear] = useState<number | undefined>();
  const [toYear, setToYear] = useState<number | undefined>();
  const filters = {
    nationId,
    kinds: kinds.length === TIMELINE_KINDS.length ? undefined : kinds.join(",") || "none",
    fromYear,
    toYear,
  };
  const timeline = useTimeline(filters);
  const writers = useProgrammeWriters();
  const canEdit = !!nationId && writers.canEdit({ ownerNationId: nationId, ownerOrganisationId: null });

  return (
    <>
      <PageHeader
        title={t("timeline.title")}
        description={t("timeline.description")}
        actions={
          nationId && (
            <Group gap="xs">
              <Button
                component="a"
                variant="default"
                leftSection={<IconDownload size={16} />}
                href={`/api/partnership-timeline/export${toQueryString({ ...filters, lang: format.language })}`}
                download
                data-testid="timeline-export"
              >
                {t("timeline.exportCsv")}
              </Button>
              {canEdit && <AddMilestoneButton nationId={nationId} />}
            </Group>
          )
        }
      />
      <Paper withBorder p="md" radius="md" mb="md">
        <Group align="flex-end" wrap="wrap">
          <NationSelect value={nationId} onChange={setNationId} />
          <YearBound
            label={t("timeline.fromYear")}
            value={fromYear}
            onChange={setFromYear}
            testId="timeline-from"
          />
          <YearBound label={t("timeline.toYear")} value={toYear} onChange={setToYear} testId="timeline-to" />
        </Group>
        <Text size="sm" fw={500} mt="sm" mb={4}>
          {t("timeline.kinds")}
        </Text>
        <Chip.Group multiple value={kinds} onChange={setKinds}>
          <Group gap="xs">
            {TIMELINE_KINDS.map((kind) => (
              <Chip
                key={kind}
                value={kind}
                size="xs"
                color={COLOURS[kind]}
                wrapperProps={{ "data-testid": `timeline-kind-${kind}` }}
              >
                {t(`kinds.${kind}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </Paper>
      {nationId && (
        <QueryBoundary query={timeline}>
          {(data) =>
            data.entries.length === 0 ? (
              <EmptyState title={t("timeline.empty")} />
            ) : (
              <Paper withBorder p="md" radius="md">
                <Title order={2} size="h4" mb="md">
                  {data.nation.nameEn}
                </Title>
                <Timeline bulletSize={26} lineWidth={2} data-testid="timeline">
                  {data.entries.map((entry) => {
                    const Icon = ICONS[entry.kind];
                    const title = entryTitle(entry, format.language);
                    return (
                      <Timeline.Item
                        key={`${entry.kind}-${entry.id}`}
                        bullet={<Icon size={14} />}
                        color={COLOURS[entry.kind]}
                        data-testid={`timeline-entry-${entry.kind}`}
                        title={
                          <Group gap="xs">
                            {entry.link ? (
                              // A long title wraps within the phone's width instead of widening the page.
                              <Anchor
                                component={Link}
                                to={entry.link}
                                fw={600}
                                style={{ minWidth: 0, overflowWrap: "anywhere" }}
                                data-testid="timeline-link"
                              >
                                {title}
                              </Anchor>
                            ) : (
                              <Text fw={600} style={{ minWidth: 0, overflowWrap: "anywhere" }}>
                                {title}
                              </Text>
                            )}
                            <Badge size="xs" variant="light" color={COLOURS[entry.kind]}>
                              {t(`kinds.${entry.kind}`)}
                            </Badge>
                            {entry.discrepancy && (
                              <Badge size="xs" color="yellow" data-testid="timeline-discrepancy">
                                {t("timeline.discrepancy")}
                              </Badge>
                            )}
                            <SampleBadge sample={entry.sample} />
                            {canEdit && entry.kind === "milestone" && (
                              <DeleteMilestoneButton id={entry.id} title={title} />
                            )}
                          </Group>
                        }
                      >
                        <Stack gap={0}>
                          <Text size="sm" c="dimmed">
                            {format.date(entry.startsOn, entry.precision)}
                            {entry.endsOn && entry.endsOn !== entry.startsOn
                              ? ` – ${format.date(entry.endsOn, entry.kind === "plan_period" || entry.kind === "programme" || entry.kind === "contribution" ? "year" : "day")}`
                              : ""}
                          </Text>
                          {entry.detail && entry.kind !== "plan_period" && (
                            <Text size="sm">{entry.detail}</Text>
                          )}
                          {entry.source && (
                            <DimmedText size="xs">
                              {t("common.source")}: {entry.source}
                            </DimmedText>
                          )}
                        </Stack>
                      </Timeline.Item>
                    );
                  })}
                </Timeline>
              </Paper>
            )
          }
        </QueryBoundary>
      )}
    </>
  );
}
