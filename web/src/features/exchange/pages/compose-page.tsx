import { Select, Stack, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { CancelAndActionButtons, ErrorAlert, notifySuccess, PageHeader, TextField } from "../../../shared/ui";
import { splitParty } from "../../meetings/api";
import { PartyMultiSelect } from "../../meetings/party-picker";
import { useMyParties, useSend } from "../api";
import { partyIds, partyOption } from "../parties";

export function ComposePage() {
  const { t } = useTranslation("exchange");
  const navigate = useNavigate();
  const mine = useMyParties();
  const send = useSend();
  const [sender, setSender] = useState<string | null>(null);
  const [recipients, setRecipients] = useState<string[]>([]);
  const [subject, setSubject] = useState("");
  const [body, setBody] = useState("");
  const senderOptions = (mine.data?.actsFor ?? []).map(partyOption);
  const chosenSender = sender ?? senderOptions[0]?.value ?? null;

  const submit = async () => {
    const from = chosenSender ? splitParty(chosenSender) : {};
    const to = partyIds(recipients);
    const message = await send.mutateAsync({
      ...(from.nationId ? { senderNationId: from.nationId } : {}),
      ...(from.organisationId ? { senderOrganisationId: from.organisationId } : {}),
      subject,
      body,
      recipientNationIds: to.nationIds,
      recipientOrganisationIds: to.organisationIds,
    });
    notifySuccess(t("sentMessage"));
    navigate(`/exchange/${message.id}`);
  };

  return (
    <>
      <PageHeader
        title={t("compose")}
        breadcrumbs={[{ label: t("title"), to: "/exchange" }, { label: t("compose") }]}
      />
      <Stack maw={720}>
        {send.error && <ErrorAlert error={send.error} />}
        <Select
          label={t("sender")}
          data={senderOptions}
          value={chosenSender}
          onChange={setSender}
          data-testid="compose-sender"
        />
        <PartyMultiSelect
          label={t("recipients")}
          value={recipients}
          onChange={setRecipients}
          data-testid="compose-recipients"
        />
        <TextField
          label={t("subject")}
          required
          value={subject}
          onValue={setSubject}
          testId="compose-subject"
        />
        <Textarea
          label={t("body")}
          autosize
          minRows={5}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          data-testid="compose-body"
        />
        <CancelAndActionButtons
          onCancel={() => navigate("/exchange")}
          onClick={submit}
          loading={send.isPending}
          disabled={!subject.trim() || recipients.length === 0}
          testId="compose-send"
        >
          {t("send")}
        </CancelAndActionButtons>
      </Stack>
    </>
  );
}
