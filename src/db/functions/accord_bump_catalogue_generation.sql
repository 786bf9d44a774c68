-- accord_bump_catalogue_generation: Renews the catalogue generation token, which lets each Accord process reuse the
-- heavy part of a catalogue search while what it reads is unchanged. Since 0015 only TRUNCATE calls it directly;
-- row changes go through accord_bump_catalogue_generation_once.
--
-- Trigger function of activity_truncate_bumps_catalogue_generation on activity,
-- activity_area_truncate_bumps_catalogue_generation on activity_area,
-- cooperation_area_truncate_bumps_catalogue_generation on cooperation_area,
-- event_truncate_bumps_catalogue_generation on event, nation_truncate_bumps_catalogue_generation on nation,
-- organisation_truncate_bumps_catalogue_generation on organisation. Triggers are created with their tables, in the
-- numbered migrations.
--
-- Defined by migrations 0012_catalogue_generation until this file became its definition.

CREATE OR REPLACE FUNCTION public.accord_bump_catalogue_generation()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
begin
  update catalogue_generation set token = gen_random_uuid() where id = 1;
  return null;
end $function$;
