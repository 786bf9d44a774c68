-- Sign-in back-off per (username, client address), replacing the account lock that anyone could set off with five
-- wrong passwords. Rows are keyed by the username as typed (normalised), whether or not such a user exists, so the
-- answers for existing and unknown names are the same. A successful sign-in marks the address as known for the
-- username: known addresses are exempt from the looser per-username limit, so a distributed guesser cannot lock the
-- real user out either.
create table login_backoff (
  username text not null,
  address text not null,
  failures integer not null default 0,
  last_failed_at timestamptz,
  last_succeeded_at timestamptz,
  primary key (username, address)
);
create index login_backoff_last_failed_idx on login_backoff (last_failed_at);
