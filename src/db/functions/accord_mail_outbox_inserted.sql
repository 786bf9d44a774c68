-- accord_mail_outbox_inserted: Statement-level trigger on mail_outbox: wakes the delivery job when mail was queued.
--
-- Trigger function of mail_outbox_wake on mail_outbox. Triggers are created with their tables, in the numbered
-- migrations.
--
-- Defined by migrations 0022_notifications until this file became its definition.

CREATE OR REPLACE FUNCTION public.accord_mail_outbox_inserted()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
begin
  if exists (select 1 from new_mail) then
    perform accord_mail_wake();
  end if;
  return null;
end $function$;
