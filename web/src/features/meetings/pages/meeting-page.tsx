import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useFormat } from "../../../shared/i18n/format";
import {
  ErrorAlert,
  notifyError,
  notifySuccess,
  PageHeader,
  PlainTable,
  PrintReportButton,
  QueryBoundary,
  RecordPage,
  TextField,
  UploadButton,
} from "../../../shared/ui";
import { EvidenceModal, ReviewModal } from "../action-dialogs";
import {
  type ActionItem,
  type ActionStatus,
  type Decision,
  type MeetingDetail,
  splitParty,
  useMeeting,
  useMeetingActions,
  useMeetingMutation,
  useRemoveAgendaItem,
  useRemoveDelegation,
  useSetActionStatus,
  useUpload,
} from "../api";
import { ActionStatusBadge, OverdueBadge, partyName, seriesTitle } from "../components";
import { DecisionEditModal } from "../decision-edit";
import { DelegationForm } from "../delegation-form";
import { PartySelect } from "../party-picker";
import { AddLineRow, RemoveCell, Section } from "../section-parts";

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

function AgendaSection({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation("meetings");
  const add = useMeetingMutation<string>((id) => `/api/meetings/${id}/agenda`);
  const remove = useRemoveAgendaItem(meeting.id);
  const upload = useUpload();
  const [presenter, setPresenter] = useState("");
  return (
    <Section title={t("meeting.agenda")} testId="meeting-agenda">
      {meeting.agenda.length === 0 ? (
        <Text c="dimmed">{t("meeting.noAgenda")}</Text>
      ) : (
        <PlainTable>
          {meeting.agenda.map((item) => (
            <Table.Tr key={item.id} data-testid="agenda-item">
              <Table.Td w={40}>{item.position}.</Table.Td>
              <Table.Td>{item.title}</Table.Td>
              <Table.Td>
                {[item.presenterName, item.presenterOrganisation?.code, item.presenterNation?.code]
                  .filter(Boolean)
                  .join(", ")}
              </Table.Td>
              <Table.Td>
                {item.documents.map((doc) => (
                  <Anchor key={doc.id} href={`/api/meetings/${meeting.id}/documents/${doc.id}`} mr="xs">
                    {doc.filename}
                  </Anchor>
                ))}
                {meeting.canEdit && (
                  <UploadButton
                    onFile={(file) =>
                      upload.mutate(
                        { url: `/api/meetings/${meeting.id}/agenda/${item.id}/documents`, file },
                        { onError: (error) => notifyError(error, t) },
                      )
                    }
                    size="compact-xs"
                    variant="subtle"
                    loading={upload.isPending}
                  >
                    {t("meeting.attach")}
                  </UploadButton>
                )}
              </Table.Td>
              <RemoveCell
                show={meeting.canEdit}
                message={t("authoring.removeAgendaConfirm", { title: item.title })}
                remove={() => remove.mutateAsync(item.id)}
                testId={`agenda-remove-${item.position}`}
              />
            </Table.Tr>
          ))}
        </PlainTable>
      )}
      <AddLineRow
        show={meeting.canEdit}
        add={add}
        title={{ label: t("meeting.agendaTitle"), w: 360, testId: "agenda-title" }}
        submit={{
          label: t("meeting.addAgenda"),
          testId: "agenda-add",
          ready: true,
          onAdd: async (title) => {
            await add.mutateAsync({ input: meeting.id, body: { title, presenterName: presenter || null } });
            setPresenter("");
          },
        }}
      >
        <TextField label={t("meeting.presenter")} value={presenter} onValue={setPresenter} />
      </AddLineRow>
    </Section>
  );
}

function DelegationsSection({ meeting, title }: { meeting: MeetingDetail; title: string }) {
  const { t } = useTranslation("meetings");
  const remove = useRemoveDelegation(meeting.id);
  return (
    <Section title={t("meeting.delegations")} testId="meeting-delegations">
      {meeting.delegations.length === 0 ? (
        <Text c="dimmed">{t("meeting.noDelegations")}</Text>
      ) : (
        <PlainTable
          columns={[t("meeting.party"), t("meeting.head"), t("meeting.members")]}
          actions={meeting.canEdit}
        >
          {meeting.delegations.map((d) => (
            <Table.Tr key={d.id} data-testid="delegation">
              <Table.Td>
                {d.nation
                  ? `${d.nation.code} — ${d.nation.nameEn}`
                  : `${d.organisation?.code} — ${d.organisation?.nameEn}`}
              </Table.Td>
              <Table.Td>{d.headName}</Table.Td>
              <Table.Td>
                {d.members.map((m) => [m.name, m.position].filter(Boolean).join(", ")).join("; ")}
              </Table.Td>
              <RemoveCell
                show={meeting.canEdit}
                message={t("authoring.removeDelegationConfirm", {
                  party: d.nation?.code ?? d.organisation?.code ?? "",
                })}
                remove={() => remove.mutateAsync(d.id)}
                testId={`delegation-remove-${d.nation?.code ?? d.organisation?.code}`}
              />
            </Table.Tr>
          ))}
        </PlainTable>
      )}
      {meeting.canEdit && <DelegationForm meeting={meeting} title={title} />}
    </Section>
  );
}

function MinutesSection({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation("meetings");
  const save = useMeetingMutation<string>((id) => `/api/meetings/${id}`, "patch");
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(meeting.minutes ?? "");
  return (
    <Section title={t("meeting.minutes")} testId="meeting-minutes">
      {editing ? (
        <Stack>
          <Textarea
            autosize
            minRows={4}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            data-testid="minutes-text"
          />
          <Group>
            <Button
              loading={save.isPending}
              data-testid="minutes-save"
              onClick={async () => {
                await save.mutateAsync({ input: meeting.id, body: { minutes: text || null } });
                setEditing(false);
                notifySuccess(t("meeting.saved"));
              }}
            >
              {t("meeting.saveMinutes")}
            </Button>
            <Button variant="default" onClick={() => setEditing(false)}>
              {t("form.cancel")}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack>
          <Text
            style={{ whiteSpace: "pre-wrap" }}
            c={meeting.minutes ? undefined : "dimmed"}
            data-testid="minutes-view"
          >
            {meeting.minutes ?? t("meeting.noMinutes")}
          </Text>
          {meeting.canEdit && (
            <Group>
              <Button variant="light" onClick={() => setEditing(true)} data-testid="minutes-edit">
                {t("meeting.editMinutes")}
              </Button>
            </Group>
          )}
        </Stack>
      )}
      {save.error && <ErrorAlert error={save.error} />}
    </Section>
  );
}

const TRANSLATION_STATUSES = ["original", "official", "pending", "unofficial"] as const;

function DecisionsSection({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation("meetings");
  const add = useMeetingMutation<string>((id) => `/api/meetings/${id}/decisions`);
  const [edited, setEdited] = useState<Decision | null>(null);
  const [title, setTitle] = useState("");
  const [language, setLanguage] = useState<string | null>("ru");
  const [status, setStatus] = useState<string | null>("original");
  const [body, setBody] = useState("");
  return (
    <Section title={t("meeting.decisions")} testId="meeting-decisions">
      <DecisionEditModal decision={edited} onClose={() => setEdited(null)} />
      {meeting.decisions.length === 0 ? (
        <Text c="dimmed">{t("meeting.noDecisions")}</Text>
      ) : (
        <Stack gap="sm">
          {meeting.decisions.map((decision) => (
            <Card
              key={decision.id}
              id={`decision-${decision.id}`}
              withBorder
              padding="sm"
              data-testid="decision"
            >
              <Group gap="xs" mb={4}>
                <Badge variant="filled" data-testid="decision-reference">
                  {decision.reference}
                </Badge>
                <Text fw={600}>{decision.title}</Text>
                {meeting.canEdit && (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    onClick={() => setEdited(decision)}
                    data-testid={`decision-edit-${decision.number}`}
                  >
                    {t("authoring.edit")}
                  </Button>
                )}
              </Group>
              {decision.texts.map((text) => (
                <Group key={text.language} gap="xs" align="flex-start" wrap="nowrap">
                  <Badge variant="outline" size="sm" w={40}>
                    {text.language}
                  </Badge>
                  <Badge
                    variant="light"
                    size="sm"
                    color={text.translationStatus === "pending" ? "orange" : "gray"}
                  >
                    {t(`translation.${text.translationStatus}`)}
                  </Badge>
                  <Text size="sm">{text.body}</Text>
                </Group>
              ))}
            </Card>
          ))}
        </Stack>
      )}
      {meeting.canEdit && (
        <Stack mt="sm" gap="xs">
          <Group align="flex-end">
            <TextField
              label={t("meeting.decisionTitle")}
              value={title}
              onValue={setTitle}
              w={360}
              testId="decision-title"
            />
            <Select
              label={t("meeting.language")}
              w={100}
              data={["ru", "en", "az", "kk", "ky", "tg", "uz", "hy", "be"]}
              value={language}
              onChange={setLanguage}
            />
            <Select
              label={t("meeting.translation")}
              w={220}
              data={TRANSLATION_STATUSES.map((s) => ({ value: s, label: t(`translation.${s}`) }))}
              value={status}
              onChange={setStatus}
            />
          </Group>
          <Textarea
            label={t("meeting.text")}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            data-testid="decision-text"
          />
          <Group>
            <Button
              disabled={!title.trim() || !body.trim() || !language}
              loading={add.isPending}
              data-testid="decision-add"
              onClick={async () => {
                await add.mutateAsync({
                  input: meeting.id,
                  body: { title, texts: [{ language, body, translationStatus: status ?? "original" }] },
                });
                setTitle("");
                setBody("");
              }}
            >
              {t("meeting.addDecision")}
            </Button>
          </Group>
        </Stack>
      )}
      {add.error && <ErrorAlert error={add.error} />}
    </Section>
  );
}

function StatusSelect({ item }: { item: ActionItem }) {
  const { t } = useTranslation("meetings");
  const setStatus = useSetActionStatus();
  return (
    <Select
      size="xs"
      w={150}
      aria-label={t("actions.markStatus")}
      data={[item.status, ...item.allowedTransitions].map((s) => ({
        value: s,
        label: t(`actionStatus.${s}`),
      }))}
      value={item.status}
      allowDeselect={false}
      disabled={setStatus.isPending}
      data-testid="action-status-select"
      onChange={(value) => {
        if (value && value !== item.status)
          setStatus.mutate(
            { id: item.id, status: value as ActionStatus },
            { onError: (error) => notifyError(error, t) },
          );
      }}
    />
  );
}

/**
 * Action items with their status (changed in place by those who may), the way to their reviews and evidence, and,
 * on a later meeting's page, to review them there (`reviewAt`).
 */
export function ActionTable({
  items,
  testId,
  reviewAt,
}: {
  items: ActionItem[];
  testId: string;
  reviewAt?: { id: string; label: string };
}) {
  const { t } = useTranslation("meetings");
  const format = useFormat();
  const [reviewed, setReviewed] = useState<ActionItem | null>(null);
  const [evidenceOf, setEvidenceOf] = useState<ActionItem | null>(null);
  if (items.length === 0) return <Text c="dimmed">{t("meeting.noActions")}</Text>;
  return (
    <PlainTable
      minWidth={640}
      data-testid={testId}
      columns={[
        t("actions.item"),
        t("actions.owner"),
        t("actions.deadline"),
        t("actions.status"),
        t("actions.raisedAt"),
        null,
      ]}
      beside={
        <>
          {reviewAt && (
            <ReviewModal
              item={reviewed}
              meetingId={reviewAt.id}
              meetingLabel={reviewAt.label}
              onClose={() => setReviewed(null)}
            />
          )}
          <EvidenceModal item={evidenceOf} onClose={() => setEvidenceOf(null)} />
        </>
      }
    >
      {items.map((item) => (
        <Table.Tr
          key={item.id}
          data-testid="action-row"
          data-overdue={item.overdue ? "true" : "false"}
          bg={item.overdue ? "var(--mantine-color-red-light)" : undefined}
        >
          <Table.Td>
            {item.decisionReference && (
              <Badge size="xs" variant="outline" mr={4}>
                {item.decisionReference}
              </Badge>
            )}
            {item.title}
          </Table.Td>
          <Table.Td>{partyName(item)}</Table.Td>
          <Table.Td>
            <Group gap={4}>
              {format.date(item.deadline)}
              <OverdueBadge item={item} />
            </Group>
          </Table.Td>
          <Table.Td>
            {item.canUpdate ? <StatusSelect item={item} /> : <ActionStatusBadge status={item.status} />}
          </Table.Td>
          <Table.Td>
            <Anchor component={Link} to={`/meetings/${item.raisedAt.id}`}>
              {item.raisedAt.numeral}
            </Anchor>
          </Table.Td>
          <Table.Td ta="right">
            <Group gap={4} justify="flex-end" wrap="nowrap">
              {reviewAt && (
                <Button
                  size="compact-xs"
                  variant="light"
                  onClick={() => setReviewed(item)}
                  data-testid="action-review"
                >
                  {t("authoring.review")}
                </Button>
              )}
              <Button
                size="compact-xs"
                variant="subtle"
                onClick={() => setEvidenceOf(item)}
                data-testid="action-evidence"
              >
                {t("authoring.evidence")}
              </Button>
            </Group>
          </Table.Td>
        </Table.Tr>
      ))}
    </PlainTable>
  );
}

function ActionsSection({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation("meetings");
  const format = useFormat();
  const actions = useMeetingActions(meeting.id);
  const add = useMeetingMutation<string>((id) => `/api/meetings/${id}/action-items`);
  const [owner, setOwner] = useState<string | null>(null);
  const [deadline, setDeadline] = useState("");
  return (
    <Section title={t("meeting.actions")} testId="meeting-actions">
      <QueryBoundary query={actions}>
        {(data) => (
          <Stack>
            <Title order={3} size="h5">
              {t("meeting.carriedOver", { date: format.date(data.asOf) })}
            </Title>
            <ActionTable
              items={data.carriedOver}
              testId="actions-carried-over"
              reviewAt={
                meeting.canEdit
                  ? { id: meeting.id, label: `${meeting.numeral} · ${format.date(meeting.startsOn)}` }
                  : undefined
              }
            />
            <Title order={3} size="h5">
              {t("meeting.raised")}
            </Title>
            <ActionTable items={data.raised} testId="actions-raised" />
          </Stack>
        )}
      </QueryBoundary>
      <AddLineRow
        show={meeting.canEdit}
        add={add}
        title={{ label: t("actions.item"), w: 320, testId: "action-title" }}
        submit={{
          label: t("meeting.addAction"),
          testId: "action-add",
          ready: !!owner && !!deadline,
          onAdd: async (title) => {
            if (!owner) return;
            const party = splitParty(owner);
            await add.mutateAsync({
              input: meeting.id,
              body: {
                title,
                deadline,
                ...(party.nationId
                  ? { assigneeNationId: party.nationId }
                  : { assigneeOrganisationId: party.organisationId }),
              },
            });
            setDeadline("");
          },
        }}
      >
        <PartySelect
          label={t("actions.owner")}
          w={300}
          value={owner}
          onChange={setOwner}
          data-testid="action-owner"
        />
        <TextField
          type="date"
          label={t("actions.deadline")}
          value={deadline}
          onValue={setDeadline}
          required
          testId="action-deadline"
        />
      </AddLineRow>
    </Section>
  );
}
