-- Reads on replicas with read-your-writes (issue 24, item 3): the leader's WAL position after the session's last
-- write committed. With DATABASE_READ_URL set, the session's reads go to a replica only once it has replayed this
-- far (src/db/read-routing.ts). Kept in the session's row, so every instance of Accord routes the session alike.
alter table user_session add column written_lsn pg_lsn;
