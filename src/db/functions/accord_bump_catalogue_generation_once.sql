-- accord_bump_catalogue_generation_once: Renews the catalogue generation token at commit, once per transaction (a
-- deferred constraint trigger). Renewing it at each statement made catalogue writers lock the token's row from
-- their first change to their commit, and two writers touching the same rows in opposite orders could deadlock on
-- it.
--
-- Trigger function of activity_bumps_catalogue_generation on activity, activity_area_bumps_catalogue_generation on
-- activity_area, cooperation_area_bumps_catalogue_generation on cooperation_area, event_bumps_catalogue_generation
-- on event, nation_bumps_catalogue_generation on nation, organisation_bumps_catalogue_generation on organisation.
-- Triggers are created with their tables, in the numbered migrations.
--
-- Defined by migrations 0015_catalogue_generation_at_commit until this file became its definition.

CREATE OR REPLACE FUNCTION public.accord_bump_catalogue_generation_once()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
begin
  -- One renewal per transaction, however many rows it changed.
  if coalesce(current_setting('accord.catalogue_bumped_in', true), '') <> txid_current()::text then
    update catalogue_generation set token = gen_random_uuid() where id = 1;
    perform set_config('accord.catalogue_bumped_in', txid_current()::text, true);
  end if;
  return null;
end $function$;
