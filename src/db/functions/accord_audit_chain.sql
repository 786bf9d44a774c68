-- accord_audit_chain: Chains each new audit entry to the previous one: under an advisory lock it takes the next
-- seq, the previous hash, the entry's hash (accord_audit_hash) and its transparency-log leaf hash (RFC 9162, 0026).
-- Writers run at READ COMMITTED so the select sees the entry committed just before the lock was granted.
--
-- Trigger function of audit_entry_chain on audit_entry. Triggers are created with their tables, in the numbered
-- migrations.
--
-- Defined by migrations 0001_foundation, 0026_transparency_log until this file became its definition.

CREATE OR REPLACE FUNCTION public.accord_audit_chain()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
declare
  previous record;
begin
  -- Sequence numbers are taken under the lock (not from an identity column) so that seq order is chain order.
  -- Writers must run at READ COMMITTED so this select sees the entry committed just before the lock was granted.
  perform pg_advisory_xact_lock(7283461001);
  select a.seq, a.hash into previous from audit_entry a order by a.seq desc limit 1;
  new.seq := coalesce(previous.seq, 0) + 1;
  new.prev_hash := coalesce(previous.hash, 'genesis');
  new.hash := accord_audit_hash(new.prev_hash, new.seq, new.occurred_at, new.actor_user_id, new.actor_label,
    new.action, new.record_type, new.record_id, new.diff, new.request_id);
  new.leaf_hash := sha256('\x00'::bytea || decode(new.hash, 'hex'));
  return new;
end $function$;
