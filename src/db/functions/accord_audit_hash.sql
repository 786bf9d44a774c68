-- accord_audit_hash: The hash of one audit entry in the chain: SHA-256 over the previous hash and the entry's
-- fields. The audit verifier recomputes it; changing it breaks every existing chain.
--
-- Defined by migrations 0001_foundation until this file became its definition.

CREATE OR REPLACE FUNCTION public.accord_audit_hash(prev_hash text, seq bigint, occurred_at timestamp with time zone, actor_user_id uuid, actor_label text, action text, record_type text, record_id text, diff jsonb, request_id text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$
  select encode(sha256(convert_to(concat_ws('|',
    prev_hash, seq::text, to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    coalesce(actor_user_id::text, '-'), actor_label, action, record_type, coalesce(record_id, '-'),
    diff::text, coalesce(request_id, '-')), 'UTF8')), 'hex')
$function$;
