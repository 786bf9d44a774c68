-- Transparency log (issue 25): an RFC 9162 Merkle tree over the audit trail, in the chain's order.
-- Leaf i is the entry of seq i + 1; its leaf data is the entry's chain hash (32 bytes), so the leaf hash is
-- SHA-256(0x00 || decode(hash, 'hex')). The chain trigger stores it with the entry: one more SHA-256 under the lock
-- it already holds, and nothing else on the write path. The hashes of complete subtrees are filled in afterwards,
-- in batches (audit_tree_node), when a head is signed or a proof is asked for.
alter table audit_entry
  add column leaf_index bigint generated always as (seq - 1) stored,
  add column leaf_hash bytea;

alter table audit_entry disable trigger audit_entry_no_update;
update audit_entry set leaf_hash = sha256('\x00'::bytea || decode(hash, 'hex'));
alter table audit_entry enable trigger audit_entry_no_update;
alter table audit_entry alter column leaf_hash set not null;

create or replace function accord_audit_chain() returns trigger language plpgsql as $$
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
end $$;

-- The hash of the complete subtree of 2^level leaves starting at leaf idx * 2^level (level >= 1; level 0 is
-- audit_entry.leaf_hash). A cache: it can be dropped and rebuilt from the leaves at any time.
create table audit_tree_node (
  level smallint not null check (level between 1 and 62),
  idx bigint not null check (idx >= 0),
  hash bytea not null,
  primary key (level, idx)
);

-- Public keys that have signed tree heads (a new key id appears on rotation; old ones stay for old heads).
create table transparency_key (
  key_id text primary key,
  public_key text not null,
  first_used_at timestamptz not null default now()
);

-- Signed tree heads of this instance's log.
create table transparency_head (
  id bigint generated always as identity primary key,
  origin text not null,
  tree_size bigint not null check (tree_size >= 0),
  root_hash bytea not null,
  signed_at timestamptz not null,
  key_id text not null references transparency_key (key_id),
  signature bytea not null
);
create index transparency_head_size_idx on transparency_head (tree_size, signed_at desc);

-- As a witness: the newest head this instance holds of each other log, checked for consistency on every update.
create table witness_head (
  origin text primary key,
  tree_size bigint not null,
  root_hash bytea not null,
  head jsonb not null,
  received_at timestamptz not null default now()
);

-- A witness's alarm: a fork, a rollback or a bad signature of a watched log.
create table transparency_alarm (
  id uuid primary key default gen_random_uuid(),
  origin text not null,
  kind text not null check (kind in ('fork', 'rollback', 'bad_signature')),
  message text not null,
  held jsonb,
  received jsonb not null,
  raised_at timestamptz not null default now()
);
