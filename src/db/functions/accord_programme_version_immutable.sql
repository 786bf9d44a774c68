-- accord_programme_version_immutable: An annual programme version is immutable once written; only its decision is
-- added, once.
--
-- Trigger function of annual_programme_version_immutable on annual_programme_version. Triggers are created with
-- their tables, in the numbered migrations.
--
-- Defined by migrations 0038_programme_versions_commitments until this file became its definition.

CREATE OR REPLACE FUNCTION public.accord_programme_version_immutable()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
begin
  if new.programme_id <> old.programme_id or new.version <> old.version or new.snapshot <> old.snapshot
     or new.submitted_at <> old.submitted_at or new.submitted_by is distinct from old.submitted_by
     and new.submitted_by is not null
     or (old.decision is not null and (new.decision is distinct from old.decision
         or new.decided_at is distinct from old.decided_at or new.reason is distinct from old.reason)) then
    raise exception 'a programme version is kept as submitted; its decision is written once'
      using errcode = 'check_violation', constraint = 'annual_programme_version_immutable';
  end if;
  return new;
end $function$;
