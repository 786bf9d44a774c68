-- accord_flush_later: Transaction-local: this transaction's commit does not wait for the WAL flush (the audit chain's
-- lock is held to commit, so a synchronous commit flushes while every other audited write waits). The caller calls
-- accord_durable() after the commit, before it reports the write (0043_nomination_storm).

CREATE OR REPLACE FUNCTION public.accord_flush_later()
 RETURNS void
 LANGUAGE plpgsql
AS $function$
begin
  perform set_config('synchronous_commit', 'off', true);
end $function$;
