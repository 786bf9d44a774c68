-- accord_touch_updated_at: Sets updated_at on every update of a row that has one.
--
-- Trigger function of triggers on many tables (accreditation_application, activity, annual_programme, ...: select
-- tgname, tgrelid::regclass from pg_trigger where tgfoid = 'accord_touch_updated_at'::regproc). Triggers are
-- created with their tables, in the numbered migrations.
--
-- Defined by migrations 0001_foundation until this file became its definition.

CREATE OR REPLACE FUNCTION public.accord_touch_updated_at()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
begin
  new.updated_at := now();
  return new;
end $function$;
