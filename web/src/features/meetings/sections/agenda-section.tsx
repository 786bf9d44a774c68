import { Anchor, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { notifyError, PlainTable, SectionCard, TextField, UploadButton } from "../../../shared/ui";
import { type MeetingDetail, useMeetingMutation, useRemoveAgendaItem, useUpload } from "../api";
import { AddLineRow, RemoveCell } from "../section-parts";

export function AgendaSection({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation("meetings");
  const add = useMeetingMutation<string>((id) => `/api/meetings/${id}/agenda`);
  const remove = useRemoveAgendaItem(meeting.id);
  const upload = useUpload();
  const [presenter, setPresenter] = useState("");
  return (
    <SectionCard title={t("meeting.agenda")} testId="meeting-agenda">
      {meeting.agenda.length === 0 ? (
        <Text c="dimmed">{t("meeting.noAgenda")}</Text>
      ) : (
        <PlainTable minWidth={480}>
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
    </SectionCard>
  );
}
