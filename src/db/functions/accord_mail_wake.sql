-- accord_mail_wake: Wakes the mail delivery job once per transaction (graphile-worker: LISTEN/NOTIFY pick-up, the
-- job key de-duplicates).
--
-- Defined by migrations 0022_notifications until this file became its definition.

CREATE OR REPLACE FUNCTION public.accord_mail_wake()
 RETURNS void
 LANGUAGE plpgsql
AS $function$
begin
  if coalesce(current_setting('accord.mail_wake', true), '') <> '1' then
    perform graphile_worker.add_job('mail_deliver', '{}'::json, job_key := 'mail_deliver', max_attempts := 3);
    perform set_config('accord.mail_wake', '1', true);
  end if;
end $function$;
