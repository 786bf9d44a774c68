import { Alert, Badge, Group, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../../shared/i18n/format";
import { PageHeader, PrintReportButton, RecordPage } from "../../../shared/ui";
import { type MeetingDetail, useMeeting } from "../api";
import { seriesTitle } from "../components";
import { ActionsSection } from "../sections/actions-section";
import { AgendaSection } from "../sections/agenda-section";
import { DecisionsSection } from "../sections/decisions-section";
import { DelegationsSection } from "../sections/delegations-section";
import { MinutesSection } from "../sections/minutes-section";

export function MeetingPage() {
  return <RecordPage useRecord={useMeeting}>{(data) => <MeetingView meeting={data} />}</RecordPage>;
}

function MeetingView({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation("meetings");
  const format = useFormat();
  const title =
    meeting.title ??
    `${t("meeting.numbered", { numeral: meeting.numeral })} — ${seriesTitle(meeting.series, format.language)}`;
  return (
    <>
      <PageHeader
        title={<span data-testid="meeting-title">{title}</span>}
        documentTitle={title}
        breadcrumbs={[{ label: t("list.title"), to: "/meetings" }, { label: meeting.numeral }]}
        actions={
          <PrintReportButton href={`/api/meetings/${meeting.id}/minutes.pdf`} testId="meeting-minutes-pdf" />
        }
        description={`${meeting.startsOn === meeting.endsOn ? format.date(meeting.startsOn) : `${format.date(meeting.startsOn)} – ${format.date(meeting.endsOn)}`}${meeting.city ? ` · ${meeting.city}` : ""}${meeting.venue ? `, ${meeting.venue}` : ""}`}
        badges={
          <Group gap="xs">
            <Badge variant="light">{t(`status.${meeting.status}`)}</Badge>
            {meeting.sample && (
              <Badge color="gray" variant="outline">
                {t("sample")}
              </Badge>
            )}
          </Group>
        }
      />
      <Stack>
        {meeting.sampleNote && (
          <Alert color="gray" data-testid="meeting-sample-note">
            {meeting.sampleNote}
          </Alert>
        )}
        <AgendaSection meeting={meeting} />
        <DelegationsSection meeting={meeting} title={title} />
        <MinutesSection meeting={meeting} />
        <DecisionsSection meeting={meeting} />
        <ActionsSection meeting={meeting} />
      </Stack>
    </>
  );
}
