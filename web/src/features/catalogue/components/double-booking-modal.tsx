import { Button, Group, Modal, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { BookingConflict } from "../../../shared/api";
import { PlainTable, ReasonTextarea, useRequiredReason } from "../../../shared/ui";
import { useDateRange } from "./labels";

interface Props {
  /** The person and the event being accepted, as the intro names them. */
  name: string;
  event: string;
  conflicts: BookingConflict[];
  loading: boolean;
  onClose: () => void;
  /** Accept anyway, with the organiser's reason (trimmed, never empty). */
  onAccept: (reason: string) => void;
  /**
   * Words of another kind of commitment than an acceptance (a meeting's delegation): the intro, the reason's label,
   * the confirming and the keeping button. The catalogue's words otherwise (its namespace must be loaded).
   */
  texts?: { intro: string; reason: string; confirm: string; keep: string };
}

/**
 * The server refused an acceptance as a double booking (409 DOUBLE_BOOKING): the person's overlapping commitments,
 * and "Accept anyway" with the reason the server requires for the override.
 */
export function DoubleBookingModal({ name, event, conflicts, loading, onClose, onAccept, texts }: Props) {
  const { t } = useTranslation("catalogue");
  const dates = useDateRange();
  const reason = useRequiredReason();
  const kindLabel = (kind: string) =>
    kind === "evaluation_team"
      ? t("doubleBooking.evaluationTeam")
      : t(`common:activityKinds.${kind}`, { defaultValue: kind });

  const submit = () => {
    const given = reason.given(t("doubleBooking.reasonRequired"));
    if (given) onAccept(given);
  };

  return (
    <Modal opened onClose={onClose} title={t("doubleBooking.title")} data-testid="double-booking-modal">
      <Stack>
        <Text size="sm">{texts?.intro ?? t("doubleBooking.intro", { name, event })}</Text>
        <PlainTable
          minWidth={320}
          data-testid="double-booking-conflicts"
          columns={[t("doubleBooking.kind"), t("doubleBooking.commitment"), t("doubleBooking.dates")]}
        >
          {conflicts.map((conflict) => (
            <Table.Tr key={`${conflict.recordType}-${conflict.id}`}>
              <Table.Td>{kindLabel(conflict.kind)}</Table.Td>
              <Table.Td>
                {conflict.title ?? (
                  <Text span c="dimmed" size="sm">
                    {t("doubleBooking.notReleasable")}
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>
                {dates(conflict.startsOn, conflict.endsOn)}
              </Table.Td>
            </Table.Tr>
          ))}
        </PlainTable>
        <ReasonTextarea
          label={texts?.reason ?? t("doubleBooking.reason")}
          maxLength={2000}
          {...reason.field}
          testId="double-booking-reason"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {texts?.keep ?? t("doubleBooking.keep")}
          </Button>
          <Button color="orange" loading={loading} onClick={submit} data-testid="double-booking-accept">
            {texts?.confirm ?? t("doubleBooking.acceptAnyway")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
