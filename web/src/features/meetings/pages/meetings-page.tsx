import { Anchor, Badge, Button, Group, Modal, NumberInput, Select, Stack, TextInput } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import { usePermissions } from "../../../shared/auth";
import { useFormat } from "../../../shared/i18n/format";
import {
  CancelAndActionButtons,
  type DataTableColumn,
  EmptyState,
  ErrorAlert,
  ListPageHeader,
  SearchInput,
  TextField,
  useListParams,
} from "../../../shared/ui";
import { RecordListTable } from "../../../shared/ui/record-list-table";
import { type MeetingSeries, type MeetingSummary, useCreateMeeting, useMeetings, useSeries } from "../api";
import { SeriesFilter, seriesOptions, seriesTitle } from "../components";
import { SeriesFormModal } from "../series-form";

export function MeetingsPage() {
  const { t } = useTranslation("meetings");
  const format = useFormat();
  const list = useListParams({ defaultSort: "-startsOn", filters: ["seriesId"] as const });
  const series = useSeries();
  const query = {
    q: list.q || undefined,
    seriesId: list.filters.seriesId || undefined,
    limit: list.limit,
    offset: list.offset,
  };
  const meetings = useMeetings(query);
  const [opened, { open, close }] = useDisclosure(false);
  const [seriesOpened, seriesDialog] = useDisclosure(false);
  const { hasAnyRole } = usePermissions();

  const columns: DataTableColumn<MeetingSummary>[] = [
    {
      key: "meeting",
      header: t("list.meeting"),
      render: (m) => (
        <Group gap="xs">
          <Anchor component={Link} to={`/meetings/${m.id}`} data-testid={`meeting-link-${m.id}`}>
            {m.title ??
              `${t("meeting.numbered", { numeral: m.numeral })} — ${seriesTitle(m.series, format.language)}`}
          </Anchor>
          {m.sample && (
            <Badge size="xs" color="gray" variant="outline">
              {t("sample")}
            </Badge>
          )}
        </Group>
      ),
    },
    {
      key: "dates",
      header: t("list.dates"),
      render: (m) =>
        m.startsOn === m.endsOn
          ? format.date(m.startsOn)
          : `${format.date(m.startsOn)} – ${format.date(m.endsOn)}`,
    },
    { key: "place", header: t("list.place"), render: (m) => [m.city, m.venue].filter(Boolean).join(", ") },
    { key: "status", header: t("actions.status"), render: (m) => t(`status.${m.status}`) },
    { key: "decisions", header: t("list.decisions"), align: "right", render: (m) => m.decisionCount },
  ];

  return (
    <>
      <ListPageHeader
        title={t("list.title")}
        description={t("list.description")}
        download={{ kind: "meetings", filters: query }}
      >
        {hasAnyRole("administrator", "national_coordinator", "organiser") && (
          <Button variant="default" onClick={seriesDialog.open} data-testid="series-create">
            {t("authoring.newSeries")}
          </Button>
        )}
        <Button leftSection={<IconPlus size={16} />} onClick={open} data-testid="meeting-create">
          {t("list.create")}
        </Button>
      </ListPageHeader>
      <Stack>
        <Group align="flex-end">
          <SearchInput value={list.q} onChange={list.setQ} w={300} data-testid="meeting-search" />
          <SeriesFilter list={list} w={420} testId="meeting-series-filter" />
        </Group>
        <RecordListTable
          query={meetings}
          list={list}
          data-testid="meetings-table"
          columns={columns}
          empty={<EmptyState title={t("list.empty")} />}
        />
      </Stack>
      <SeriesFormModal opened={seriesOpened} onClose={seriesDialog.close} />
      <Modal opened={opened} onClose={close} title={t("form.title")}>
        <MeetingForm series={series.data?.items ?? []} onDone={close} />
      </Modal>
    </>
  );
}

function MeetingForm({ series, onDone }: { series: MeetingSeries[]; onDone: () => void }) {
  const { t } = useTranslation("meetings");
  const format = useFormat();
  const navigate = useNavigate();
  const create = useCreateMeeting();
  const [seriesId, setSeriesId] = useState<string | null>(null);
  const [number, setNumber] = useState<number | string>("");
  const [startsOn, setStartsOn] = useState("");
  const [endsOn, setEndsOn] = useState("");
  const [city, setCity] = useState("");
  const [venue, setVenue] = useState("");

  const submit = async () => {
    if (!seriesId) return;
    const meeting = await create.mutateAsync({
      seriesId,
      startsOn,
      endsOn: endsOn || startsOn,
      city: city || null,
      venue: venue || null,
      ...(typeof number === "number" ? { number } : {}),
    });
    onDone();
    navigate(`/meetings/${meeting.id}`);
  };

  return (
    <Stack>
      {create.error && <ErrorAlert error={create.error} />}
      <Select
        label={t("form.series")}
        searchable
        required
        value={seriesId}
        onChange={setSeriesId}
        data={seriesOptions(series, format.language)}
        data-testid="meeting-form-series"
      />
      <NumberInput
        label={t("form.number")}
        description={t("form.numberHint")}
        min={1}
        value={number}
        onChange={setNumber}
        data-testid="meeting-form-number"
      />
      <Group grow>
        <TextField
          type="date"
          label={t("form.startsOn")}
          required
          value={startsOn}
          onValue={setStartsOn}
          testId="meeting-form-starts"
        />
        <TextField
          type="date"
          label={t("form.endsOn")}
          value={endsOn}
          onValue={setEndsOn}
          testId="meeting-form-ends"
        />
      </Group>
      <TextField label={t("form.city")} value={city} onValue={setCity} testId="meeting-form-city" />
      <TextInput label={t("form.venue")} value={venue} onChange={(e) => setVenue(e.currentTarget.value)} />
      <CancelAndActionButtons
        onCancel={onDone}
        onClick={submit}
        loading={create.isPending}
        disabled={!seriesId || !startsOn}
        testId="meeting-form-save"
      >
        {t("form.save")}
      </CancelAndActionButtons>
    </Stack>
  );
}
