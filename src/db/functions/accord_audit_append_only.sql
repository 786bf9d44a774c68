-- accord_audit_append_only: Audit entries are append-only: any update, delete or truncate of audit_entry is
-- refused.
--
-- Trigger function of audit_entry_no_truncate on audit_entry, audit_entry_no_update on audit_entry. Triggers are
-- created with their tables, in the numbered migrations.
--
-- Defined by migrations 0001_foundation until this file became its definition.

CREATE OR REPLACE FUNCTION public.accord_audit_append_only()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
begin
  raise exception 'audit entries are append-only' using errcode = '42501';
end $function$;
