import { Badge, Button, Group, Stack, Text, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDisclosure } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../shared/api";
import { useFormat } from "../../../shared/i18n/format";
import {
  ConfirmButton,
  confirmOutcome,
  DimmedText,
  FormModal,
  notifyFormError,
  QueryBoundary,
  SectionCard,
} from "../../../shared/ui";
import { useInvalidate, useProgrammeVersions } from "../api";
import type { ProgrammeDetail, ProgrammeVersion } from "../types";

type Status = ProgrammeDetail["status"];

/**
 * Decisions by both sides: the partner's coordinators submit the programme; alliance staff agree it, return it to
 * draft with a reason, or close it. The server says who may (`viewerMay`) and what may come next.
 */
export function ProgrammeDecisions({ programme }: { programme: ProgrammeDetail }) {
  const { t } = useTranslation("programmes");
  const invalidate = useInvalidate();
  const next = (status: Status) => programme.allowedTransitions.includes(status);
  const move = (status: Status, reason?: string) =>
    api
      .patch(`/api/annual-programmes/${programme.id}`, { status, ...(reason ? { reason } : {}) })
      .then(() => invalidate());
  /** A decision asked for first: `word` names its button, question and test id (`programme-<word>`). */
  const decision = (
    status: Status,
    word: "submit" | "agree" | "close",
    style: { color: string; variant?: "default" },
  ) => (
    <ConfirmButton
      size="xs"
      {...style}
      message={t(`agreement.${word}Confirm`)}
      onConfirm={() => confirmOutcome(move(status), t)}
      data-testid={`programme-${word}`}
    >
      {t(`agreement.${word}`)}
    </ConfirmButton>
  );
  return (
    <>
      {programme.viewerMay.submit && next("submitted") && decision("submitted", "submit", { color: "blue" })}
      {programme.viewerMay.decide && next("agreed") && decision("agreed", "agree", { color: "teal" })}
      {programme.viewerMay.decide && programme.status === "submitted" && next("draft") && (
        <ReturnButton send={(reason) => move("draft", reason)} />
      )}
      {programme.viewerMay.decide &&
        next("closed") &&
        decision("closed", "close", { color: "gray", variant: "default" })}
    </>
  );
}

function ReturnButton({ send }: { send: (reason: string) => Promise<unknown> }) {
  const { t } = useTranslation("programmes");
  const [opened, { open, close }] = useDisclosure(false);
  const [busy, setBusy] = useState(false);
  const form = useForm({ mode: "uncontrolled", initialValues: { reason: "" } });
  const submit = form.onSubmit(async ({ reason }) => {
    setBusy(true);
    try {
      await send(reason.trim());
      form.reset();
      close();
    } catch (error) {
      notifyFormError(form, error, t);
    } finally {
      setBusy(false);
    }
  });
  return (
    <>
      <Button size="xs" variant="default" color="orange" onClick={open} data-testid="programme-return">
        {t("agreement.return")}
      </Button>
      <FormModal
        opened={opened}
        onClose={close}
        title={t("agreement.return")}
        centered
        onSubmit={submit}
        testId="programme-return-form"
      >
        <Textarea
          label={t("agreement.reason")}
          placeholder={t("agreement.reasonPlaceholder")}
          required
          autosize
          minRows={2}
          data-testid="programme-return-reason"
          key={form.key("reason")}
          {...form.getInputProps("reason")}
        />
        <Group justify="flex-end">
          <Button type="submit" color="orange" loading={busy} data-testid="programme-return-save">
            {t("agreement.return")}
          </Button>
        </Group>
      </FormModal>
    </>
  );
}

const shown = (value: unknown, empty: string) =>
  value === null || value === undefined || value === ""
    ? empty
    : Array.isArray(value)
      ? String(value.length)
      : String(value);

function Changes({ version, previous }: { version: ProgrammeVersion; previous: number }) {
  const { t } = useTranslation("programmes");
  const changes = version.changes;
  if (!changes) return null;
  const empty = t("agreement.empty");
  const field = (name: string) => t(`agreement.fields.${name}`, { defaultValue: name });
  const label = (item: { activityCode: string | null; title: string | null }) =>
    [item.activityCode, item.title].filter(Boolean).join(" — ");
  const none =
    !changes.programme.length && !changes.added.length && !changes.removed.length && !changes.changed.length;
  return (
    <Stack gap={4} data-testid={`version-changes-${version.version}`}>
      <Text size="sm" fw={600}>
        {t("agreement.changes", { version: previous })}
      </Text>
      {none && <DimmedText>{t("agreement.noChanges")}</DimmedText>}
      {changes.programme.map((change) => (
        <Text size="sm" key={change.field} data-testid="version-change">
          {`${t("agreement.changed")}: ${field(change.field)}: ${shown(change.before, empty)} → ${shown(change.after, empty)}`}
        </Text>
      ))}
      {changes.added.map((item) => (
        <Text size="sm" c="teal.8" key={item.id} data-testid="version-change">
          {`+ ${t("agreement.added")}: ${label(item)}`}
        </Text>
      ))}
      {changes.removed.map((item) => (
        <Text size="sm" c="red.8" key={item.id} data-testid="version-change">
          {`− ${t("agreement.removed")}: ${label(item)}`}
        </Text>
      ))}
      {changes.changed.map((item) => (
        <Text size="sm" key={item.id} data-testid="version-change">
          {`${t("agreement.changed")}: ${label(item)}: ${item.fields
            .map((f) => `${field(f.field)} ${shown(f.before, empty)} → ${shown(f.after, empty)}`)
            .join("; ")}`}
        </Text>
      ))}
    </Stack>
  );
}

/** The programme's submitted versions, newest first: who submitted and decided, and what changed each time. */
export function ProgrammeVersions({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation("programmes");
  const format = useFormat();
  const versions = useProgrammeVersions(programmeId);
  const someone = t("agreement.someone");
  return (
    <SectionCard title={t("agreement.versions")} mb="lg" testId="programme-versions">
      <QueryBoundary query={versions}>
        {(rows) =>
          rows.length === 0 ? (
            <DimmedText>{t("agreement.noVersions")}</DimmedText>
          ) : (
            <Stack>
              {rows.map((version, index) => (
                <Stack key={version.version} gap={4} data-testid="programme-version">
                  <Group gap="xs" wrap="wrap">
                    <Text fw={700} data-testid="programme-version-number">
                      {t("agreement.version", { version: version.version })}
                    </Text>
                    <Badge
                      variant="light"
                      color={version.decision === "agreed" ? "teal" : version.decision ? "orange" : "blue"}
                      data-testid="programme-version-decision"
                    >
                      {version.decision === "agreed"
                        ? t("programmeStatus.agreed")
                        : version.decision
                          ? t("agreement.returned")
                          : t("agreement.awaiting")}
                    </Badge>
                    <DimmedText>{t("agreement.items", { count: version.items.length })}</DimmedText>
                  </Group>
                  <Text size="sm">
                    {t("agreement.submittedBy", {
                      name: version.submittedBy ?? someone,
                      date: format.dateTime(version.submittedAt),
                    })}
                  </Text>
                  {version.decision && (
                    <Text size="sm" style={{ overflowWrap: "anywhere" }}>
                      {t(version.decision === "agreed" ? "agreement.agreedBy" : "agreement.returnedBy", {
                        name: version.decidedBy ?? someone,
                        date: format.dateTime(version.decidedAt),
                        reason: version.reason ?? "",
                      })}
                    </Text>
                  )}
                  {rows[index + 1] && <Changes version={version} previous={rows[index + 1]!.version} />}
                </Stack>
              ))}
            </Stack>
          )
        }
      </QueryBoundary>
    </SectionCard>
  );
}
