-- Identity extras: single sign-on login attempts kept in PostgreSQL (never in process memory), so the callback
-- may reach any Accord process behind a proxy.

create table oidc_login_state (
  state text primary key,
  code_verifier text not null,
  nonce text not null,
  return_to text not null default '/',
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index oidc_login_state_expires_idx on oidc_login_state (expires_at);

-- The audit viewer filters by action and record id alone as well.
create index audit_entry_action_idx on audit_entry (action, occurred_at);
