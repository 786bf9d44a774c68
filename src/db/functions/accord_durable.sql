-- accord_durable: Returns once every commit made before the call is flushed to the WAL (as a synchronous commit of
-- the caller's session waits): it logs a setval of accord_durable_mark, so its own commit waits for the flush, and
-- concurrent callers share one. Call it alone, in its own transaction, after a commit made under accord_flush_later()
-- (0043_nomination_storm).

CREATE OR REPLACE FUNCTION public.accord_durable()
 RETURNS void
 LANGUAGE plpgsql
AS $function$
begin
  perform setval('accord_durable_mark', 1);
end $function$;
