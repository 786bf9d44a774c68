import { Badge, Button, CloseButton, Group, Stack } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type BookingConflict, hasErrorCode, isApiError, type Page } from "../../shared/api";
import { useNamespace } from "../../shared/i18n/i18n";
import { ErrorAlert, RemoteSelect, TextField } from "../../shared/ui";
import { DoubleBookingModal } from "../catalogue/components/double-booking-modal";
import { type MeetingDetail, splitParty, useMeetingMutation } from "./api";
import { PartySelect } from "./party-picker";

interface Member {
  name: string;
  personId: string;
}

/**
 * Adds a delegation: its nation or organisation, its head and its members, people of the directory. A member already
 * committed over the meeting's dates makes the server answer 409 DOUBLE_BOOKING with the conflicts: they are shown,
 * and the delegation is added anyway only with a reason (`override`, `overrideReason`).
 */
export function DelegationForm({ meeting, title }: { meeting: MeetingDetail; title: string }) {
  const { t } = useTranslation("meetings");
  // The conflicts are shown in the catalogue's double-booking dialog, in its words for kinds and dates.
  useNamespace("catalogue");
  const add = useMeetingMutation<string>((id) => `/api/meetings/${id}/delegations`);
  const [party, setParty] = useState<string | null>(null);
  const [head, setHead] = useState("");
  const [members, setMembers] = useState<Member[]>([]);
  const [picked, setPicked] = useState<{ value: string; label: string } | null>(null);
  const [conflicts, setConflicts] = useState<BookingConflict[]>([]);

  const reset = () => {
    setParty(null);
    setHead("");
    setMembers([]);
    setConflicts([]);
  };

  const submit = async (overrideReason?: string) => {
    if (!party) return;
    try {
      await add.mutateAsync({
        input: meeting.id,
        body: {
          ...splitParty(party),
          headName: head || null,
          members,
          ...(overrideReason ? { override: true, overrideReason } : {}),
        },
      });
      reset();
    } catch (error) {
      if (isApiError(error) && hasErrorCode(error, "DOUBLE_BOOKING")) setConflicts(error.conflicts);
    }
  };

  return (
    <Stack gap="xs" mt="sm">
      <Group align="flex-end" wrap="wrap">
        <PartySelect
          label={t("meeting.party")}
          w={360}
          maw="100%"
          value={party}
          onChange={setParty}
          data-testid="delegation-party"
        />
        <TextField label={t("meeting.head")} value={head} onValue={setHead} testId="delegation-head" />
      </Group>
      <Group align="flex-end" wrap="wrap">
        <RemoteSelect
          label={t("authoring.member")}
          w={360}
          maw="100%"
          value={picked?.value ?? null}
          onChange={(value, option) => setPicked(value && option ? { value, label: option.label } : null)}
          queryKey={["meetings", "people"]}
          fetchOptions={async (search) =>
            (
              await api.get<Page<{ id: string; givenName: string; familyName: string }>>("/api/people", {
                q: search,
                limit: 20,
              })
            ).items.map((p) => ({
              value: p.id,
              label: `${p.givenName} ${p.familyName}`,
              disabled: members.some((m) => m.personId === p.id),
            }))
          }
          data-testid="delegation-member"
        />
        <Button
          variant="default"
          disabled={!picked}
          onClick={() => {
            if (!picked) return;
            setMembers([...members, { name: picked.label, personId: picked.value }]);
            setPicked(null);
          }}
          data-testid="delegation-member-add"
        >
          {t("authoring.addMember")}
        </Button>
      </Group>
      {members.length > 0 && (
        <Group gap="xs" data-testid="delegation-members">
          {members.map((member) => (
            <Badge
              key={member.personId}
              variant="light"
              rightSection={
                <CloseButton
                  size="xs"
                  aria-label={t("authoring.removeMember", { name: member.name })}
                  onClick={() => setMembers(members.filter((m) => m.personId !== member.personId))}
                />
              }
            >
              {member.name}
            </Badge>
          ))}
        </Group>
      )}
      <Group>
        <Button
          disabled={!party}
          loading={add.isPending}
          onClick={() => submit()}
          data-testid="delegation-add"
        >
          {t("meeting.addDelegation")}
        </Button>
      </Group>
      {add.error && !conflicts.length && <ErrorAlert error={add.error} />}
      {conflicts.length > 0 && (
        <DoubleBookingModal
          name={members.map((m) => m.name).join(", ")}
          event={title}
          conflicts={conflicts}
          loading={add.isPending}
          onClose={() => setConflicts([])}
          onAccept={(reason) => submit(reason)}
          texts={{
            intro: t("authoring.doubleBookingIntro", {
              names: members.map((m) => m.name).join(", "),
              meeting: title,
            }),
            reason: t("authoring.doubleBookingReason"),
            confirm: t("authoring.addAnyway"),
            keep: t("authoring.keepOut"),
          }}
        />
      )}
    </Stack>
  );
}
