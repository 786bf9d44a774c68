import { Anchor, Group, List, Modal, Select, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../shared/i18n/format";
import {
  closeClearing,
  DimmedText,
  FormButtons,
  FormModal,
  notifyError,
  notifySuccess,
  QueryBoundary,
  saveForm,
  UploadButton,
} from "../../shared/ui";
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
        data={(item?.allowedTransitions ?? []).map((s) => ({ value: s, label: t(`actionStatus.${s}`) }))}
        {...form.getInputProps("status")}
        data-testid="review-status"
      />
      <Textarea
        label={t("authoring.reviewNote")}
        autosize
        minRows={2}
        {...form.getInputProps("note")}
        data-testid="review-note"
      />
      <FormButtons submit={t("authoring.reviewSave")} loading={review.isPending} testId="review-save" />
    </FormModal>
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
            <Text fw={600} size="sm">
              {t("authoring.reviews")}
            </Text>
            {action.reviews.length === 0 ? (
              <DimmedText>{t("authoring.noReviews")}</DimmedText>
            ) : (
              <List size="sm" data-testid="action-reviews">
                {action.reviews.map((review) => (
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
              </List>
            )}
            <Text fw={600} size="sm">
              {t("authoring.evidence")}
            </Text>
            {action.evidenceFiles.length === 0 ? (
              <DimmedText>{t("authoring.noEvidence")}</DimmedText>
            ) : (
              <List size="sm" data-testid="evidence-files">
                {action.evidenceFiles.map((file) => (
                  <List.Item key={file.id}>
                    <Anchor href={`/api/action-items/${action.id}/evidence/${file.id}`}>
                      {file.filename}
                    </Anchor>
                  </List.Item>
                ))}
              </List>
            )}
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
