-- accord_seat_offer_follow: A nomination that leaves the waitlist by any other path (the organiser's decision, a
-- withdrawal, the event's cancellation, an import) takes its open seat offer with it: accepted when it got the
-- seat, withdrawn otherwise.
--
-- Trigger function of nomination_seat_offer_follow on nomination. Triggers are created with their tables, in the
-- numbered migrations.
--
-- Defined by migrations 0037_seat_offer until this file became its definition.

CREATE OR REPLACE FUNCTION public.accord_seat_offer_follow()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
begin
  update seat_offer set status = case when new.status = 'accepted' then 'accepted' else 'withdrawn' end,
                        decided_at = now(), decided_by = new.decided_by
    where nomination_id = new.id and status = 'offered';
  return null;
end $function$;
