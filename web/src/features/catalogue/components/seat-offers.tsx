import { Button, Group, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { type BookingConflict, hasErrorCode, isApiError } from "../../../shared/api";
import { useFormat } from "../../../shared/i18n/format";
import { notifyError, notifySuccess, SectionCard, StatusBadge, TextField } from "../../../shared/ui";
import { useAnswerOffer, useSeatOffers } from "../api";
import type { SeatOffer } from "../types";
import { DoubleBookingModal } from "./double-booking-modal";

const COLOURS: Record<SeatOffer["status"], string> = {
  offered: "blue",
  accepted: "green",
  declined: "gray",
  expired: "orange",
  withdrawn: "gray",
};

/** The answers to an open offer, each a button: accepting stands out, declining is red on grey. */
const CHOICES = [
  { choice: "accept", variant: undefined, color: undefined, label: "offers.accept" },
  { choice: "decline", variant: "default", color: "red", label: "offers.decline" },
] as const;

/**
 * Seat offers: on an event's page those of its nominations the viewer sees (organisers, coordinators), on the
 * schedule the participant's own. An open offer shows its deadline and, for whoever may answer it, Accept and
 * Decline. Nothing is shown when there are none.
 */
export function SeatOffers({ eventId }: { eventId: string | null }) {
  const { t } = useTranslation("catalogue");
  const { dateTime } = useFormat();
  const offers = useSeatOffers(eventId);
  const answer = useAnswerOffer();
  const [reason, setReason] = useState("");
  // An acceptance refused as a double booking, awaiting "Accept anyway" with a reason.
  const [booking, setBooking] = useState<{ offer: SeatOffer; conflicts: BookingConflict[] } | null>(null);
  const items = offers.data?.items ?? [];
  if (!items.length) return null;

  const run = async (offer: SeatOffer, choice: "accept" | "decline", overrideReason?: string) => {
    try {
      await answer.mutateAsync({
        id: offer.id,
        answer: choice,
        reason: reason.trim() || undefined,
        overrideReason,
      });
      notifySuccess(t(choice === "accept" ? "offers.acceptedDone" : "offers.declinedDone"));
      setReason("");
      setBooking(null);
    } catch (error) {
      if (isApiError(error) && hasErrorCode(error, "DOUBLE_BOOKING"))
        setBooking({ offer, conflicts: error.conflicts });
      else notifyError(error, t);
    }
  };

  return (
    <SectionCard title={t("offers.title")} testId={eventId ? "event-seat-offers" : "my-seat-offers"}>
      <Stack gap="sm">
        {items.some((offer) => offer.canAnswer) && (
          <TextField
            label={t("offers.reason")}
            placeholder={t("offers.reasonPlaceholder")}
            value={reason}
            onValue={setReason}
            maw={420}
          />
        )}
        {items.map((offer) => (
          <Group
            key={offer.id}
            justify="space-between"
            wrap="wrap"
            gap="xs"
            data-testid={`seat-offer-${offer.person.familyName}`}
          >
            <Stack gap={0}>
              <Text fw={500}>
                {eventId ? (
                  `${offer.person.givenName} ${offer.person.familyName}`
                ) : (
                  <Link to={`/catalogue/events/${offer.eventId}`}>
                    {offer.activity.code} {offer.activity.title}
                  </Link>
                )}
              </Text>
              <Text size="sm" c="dimmed">
                {offer.status === "offered"
                  ? t("offers.until", { date: dateTime(offer.expiresAt) })
                  : t("offers.offeredOn", { date: dateTime(offer.offeredAt) })}
              </Text>
            </Stack>
            <Group gap="xs">
              <StatusBadge status={offer.status} words="catalogue:offers.statuses" colours={COLOURS} />
              {offer.canAnswer &&
                CHOICES.map(({ choice, variant, color, label }) => (
                  <Button
                    key={choice}
                    size="compact-sm"
                    variant={variant}
                    color={color}
                    onClick={() => run(offer, choice)}
                    loading={answer.isPending}
                    data-testid={`offer-${choice}-${offer.person.familyName}`}
                  >
                    {t(label)}
                  </Button>
                ))}
            </Group>
          </Group>
        ))}
      </Stack>
      {booking && (
        <DoubleBookingModal
          name={`${booking.offer.person.givenName} ${booking.offer.person.familyName}`}
          event={booking.offer.activity.code}
          conflicts={booking.conflicts}
          loading={answer.isPending}
          onClose={() => setBooking(null)}
          onAccept={(overrideReason) => run(booking.offer, "accept", overrideReason)}
        />
      )}
    </SectionCard>
  );
}
