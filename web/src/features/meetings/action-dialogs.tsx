import { Anchor, Group, List, Modal, Select, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../shared/i18n/format";
import {
  closeClearing,
  DimmedText,
  FormButtons,
  FormModal,
  notifyError,
  notifySuccess,
  optionsUnder,
  QueryBoundary,
  saveForm,
  UploadButton,
} from "../../shared/ui";
import { FormTextarea } from "../../shared/ui/form-textarea";
import { type ActionItem, type ActionStatus, useActionItem, useReviewAction, useUploadEvidence } from "./api";
import { ActionStatusBadge } from "./components";

/** The secretariat records that this meeting reviewed an action item raised earlier, with its new status. */
export function ReviewModal({
  item,
  meetingId,
  meetingLabel,
  onClose,
}: {
  item: ActionItem | null;
  meetingId: string;
  meetingLabel: string;
  onClose: () => void;
}) {
  const { t } = useTranslation("meetings");
  const review = useReviewAction();
  const form = useForm({ initialValues: { meeting: meetingLabel, status: "" as string, note: "" } });
  const close = closeClearing(form, onClose);
  const submit = form.onSubmit(async (values) => {
    if (!item) return;
    const save = () =>
      review.mutateAsync({
        id: item.id,
        meetingId,
        ...(values.status ? { status: values.status as ActionStatus } : {}),
        note: values.note.trim() || null,
      });
    await saveForm(form, t, close, save, { "body.meetingId": "body.meeting" });
  });
  return (
    <FormModal
      opened={item !== null}
      onClose={close}
      title={item ? t("authoring.reviewTitle", { title: item.title }) : ""}
      onSubmit={submit}
      testId="review-form"
    >
      <TextInput label={t("authoring.reviewMeeting")} readOnly {...form.getInputProps("meeting")} />
      <Select
        label={t("authoring.reviewStatus")}
        clearable
        placeholder={item ? t(`actionStatus.${item.status}`) : undefined}
        data={optionsUnder(t, "actionStatus", item?.allowedTransitions ?? [])}
        {...form.getInputProps("status")}
        data-testid="review-status"
      />
      <FormTextarea label={t("authoring.reviewNote")} form={form} name="note" testId="review-note" />
      <FormButtons submit={t("authoring.reviewSave")} loading={review.isPending} testId="review-save" />
    </FormModal>
  );
}

/** A small heading over its list's items (`List.Item`s), or over what it says when there are none. */
function TitledList({
  title,
  empty,
  testId,
  items,
}: {
  title: string;
  empty: string;
  testId: string;
  items: ReactNode[];
}) {
  return (
    <>
      <Text fw={600} size="sm">
        {title}
      </Text>
      {items.length === 0 ? (
        <DimmedText>{empty}</DimmedText>
      ) : (
        <List size="sm" data-testid={testId}>
          {items}
        </List>
      )}
    </>
  );
}

/** An action item's reviews and evidence files; its owner (or the secretariat) uploads more evidence. */
export function EvidenceModal({ item, onClose }: { item: ActionItem | null; onClose: () => void }) {
  const { t } = useTranslation("meetings");
  const format = useFormat();
  const detail = useActionItem(item?.id ?? null);
  const upload = useUploadEvidence();
  return (
    <Modal
      opened={item !== null}
      onClose={onClose}
      title={item ? t("authoring.evidenceTitle", { title: item.title }) : ""}
      size="lg"
    >
      <QueryBoundary query={detail}>
        {(action) => (
          <Stack data-testid="evidence-dialog">
            <TitledList
              title={t("authoring.reviews")}
              empty={t("authoring.noReviews")}
              testId="action-reviews"
              items={action.reviews.map((review) => (
                <List.Item key={review.id}>
                  <Group gap="xs">
                    <Text size="sm">
                      {review.numeral} · {format.date(review.meetingStartsOn)}
                    </Text>
                    <ActionStatusBadge status={review.status} />
                    {review.note && <Text size="sm">{review.note}</Text>}
                  </Group>
                </List.Item>
              ))}
            />
            <TitledList
              title={t("authoring.evidence")}
              empty={t("authoring.noEvidence")}
              testId="evidence-files"
              items={action.evidenceFiles.map((file) => (
                <List.Item key={file.id}>
                  <Anchor href={`/api/action-items/${action.id}/evidence/${file.id}`}>{file.filename}</Anchor>
                </List.Item>
              ))}
            />
            {action.canUpdate && (
              <Group>
                <UploadButton
                  onFile={(file) =>
                    upload.mutate(
                      { id: action.id, file },
                      {
                        onSuccess: () => notifySuccess(t("authoring.uploaded")),
                        onError: (error) => notifyError(error, t),
                      },
                    )
                  }
                  size="xs"
                  loading={upload.isPending}
                  testId="evidence-upload"
                >
                  {t("authoring.uploadEvidence")}
                </UploadButton>
              </Group>
            )}
          </Stack>
        )}
      </QueryBoundary>
    </Modal>
  );
}
