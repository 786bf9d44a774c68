-- The global search's refresh (0029) no longer follows an activity to its events, course and certificates, a unit
-- to its evaluations, or a series to its meetings. Doing so locked the entries of other records from the writer of
-- the first one, in the opposite order to their own writers (an event's writer holds the event, then its entry; an
-- activity's writer held the activity, then the event's entry), and two writers touching an activity and one of its
-- events in opposite orders deadlocked. Each entry is now written only by the writer of its own record; an entry
-- that shows a parent's title (an event's activity) keeps the title it had when the record itself was last written
-- (docs/search.md).
create or replace function accord_search_refresh(p_source text, p_ids uuid[]) returns void language plpgsql as $$
begin
  if p_ids is null or cardinality(p_ids) = 0 then return; end if;
  delete from search_entry s where s.source = p_source and s.record_id = any(p_ids)
    and not exists (select 1 from search_document d where d.source = p_source and d.record_id = s.record_id);
  with doc as (
    select * from search_document d where d.source = p_source and d.record_id = any(p_ids) order by d.record_id
  ), upserted as (
    insert into search_entry as s (source, kind, record_id, parent_id, code, title_en, title_az, title_ru, body)
      select source, kind, record_id, parent_id, code, title_en, title_az, title_ru, body from doc
      on conflict (source, record_id) do update set kind = excluded.kind, parent_id = excluded.parent_id,
        code = excluded.code, title_en = excluded.title_en, title_az = excluded.title_az,
        title_ru = excluded.title_ru, body = excluded.body
      where (s.kind, s.parent_id, s.code, s.title_en, s.title_az, s.title_ru, s.body) is distinct from
        (excluded.kind, excluded.parent_id, excluded.code, excluded.title_en, excluded.title_az, excluded.title_ru,
         excluded.body)
      returning s.body
  )
  -- In one order, so that two writers adding the same new words cannot wait on each other crosswise.
  insert into search_word (word)
    select distinct w from upserted u
      cross join lateral unnest(tsvector_to_array(to_tsvector('simple'::regconfig, accord_unaccent(lower(u.body))))) w
    where length(w) >= 3
    order by w
    on conflict (word) do nothing;
end $$;

drop trigger meeting_series_search_upd on meeting_series;
drop function accord_search_sync_series();
