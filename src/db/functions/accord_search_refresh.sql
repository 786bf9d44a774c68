-- accord_search_refresh: Rewrites the global search entries of the given records of one source. Each entry is
-- written only by the writer of its own record (no cascade to children, which deadlocked: 0030, docs/search.md).
--
-- Defined by migrations 0029_global_search, 0030_search_refresh_no_cascade until this file became its definition.

CREATE OR REPLACE FUNCTION public.accord_search_refresh(p_source text, p_ids uuid[])
 RETURNS void
 LANGUAGE plpgsql
AS $function$
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
end $function$;
