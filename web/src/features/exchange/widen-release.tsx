import { Button, Modal, Stack, Text } from "@mantine/core";
import { IconUsersPlus } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, fieldErrorsFromApi, isApiError } from "../../shared/api";
import { CancelAndActionButtons, notifyError, notifySuccess } from "../../shared/ui";
import { PartyMultiSelect } from "../meetings/party-picker";
import type { MessageDetail } from "./api";
import { partyIds } from "./parties";

/**
 * The sending side adds nations and organisations to a message's release list (searched on the server); the
 * parties added receive the message. The lists sent keep everyone already on them: the server refuses to narrow.
 */
export function WidenReleaseButton({ message }: { message: MessageDetail }) {
  const { t } = useTranslation("exchange");
  const client = useQueryClient();
  const [opened, setOpened] = useState(false);
  const [parties, setParties] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const widen = useMutation({
    mutationFn: (body: { releaseNationIds?: string[]; releaseOrganisationIds?: string[] }) =>
      api.patch<MessageDetail>(`/api/exchange/messages/${message.id}/release`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ["exchange"] }),
  });
  const onList = new Set([...message.releaseNationIds, ...message.releaseOrganisationIds]);
  const close = () => {
    setOpened(false);
    setParties([]);
    setError(null);
  };

  const submit = async () => {
    const chosen = partyIds(parties);
    const nations = chosen.nationIds.filter((id) => !onList.has(id));
    const organisations = chosen.organisationIds.filter((id) => !onList.has(id));
    try {
      // Only the lists that grow are sent, each whole: what is on it already, and the additions.
      await widen.mutateAsync({
        ...(nations.length ? { releaseNationIds: [...message.releaseNationIds, ...nations] } : {}),
        ...(organisations.length
          ? { releaseOrganisationIds: [...message.releaseOrganisationIds, ...organisations] }
          : {}),
      });
      notifySuccess(t("widened"));
      close();
    } catch (failure) {
      const fields = isApiError(failure) ? Object.values(fieldErrorsFromApi(failure)) : [];
      if (fields.length) setError(fields.join("; "));
      else notifyError(failure, t);
    }
  };

  return (
    <>
      <Button
        variant="light"
        size="xs"
        leftSection={<IconUsersPlus size={14} />}
        onClick={() => setOpened(true)}
        data-testid="widen-release"
      >
        {t("widen")}
      </Button>
      <Modal opened={opened} onClose={close} title={t("widenTitle")} size="lg">
        <Stack data-testid="widen-release-form">
          <Text size="sm">{t("widenHint")}</Text>
          <PartyMultiSelect
            label={t("widenAdd")}
            value={parties}
            onChange={(next) => {
              setParties(next);
              setError(null);
            }}
            error={error}
            data-testid="widen-release-parties"
          />
          <CancelAndActionButtons
            onCancel={close}
            onClick={submit}
            disabled={parties.length === 0}
            loading={widen.isPending}
            testId="widen-release-save"
          >
            {t("widenSave")}
          </CancelAndActionButtons>
        </Stack>
      </Modal>
    </>
  );
}
