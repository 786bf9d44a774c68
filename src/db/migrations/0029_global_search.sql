-- Global search (issue 23): one narrow table of every searchable record, kept by statement-level triggers, so that
-- a search across seventeen kinds reads one GIN index instead of seventeen tables (docs/search.md). The table holds
-- text only: who may see a row is decided at query time by each capability's own read rule, joined back to the
-- record (src/modules/search), never copied here.
create extension if not exists fuzzystrmatch;

create table search_entry (
  source text not null,              -- the table the record lives in
  kind text not null,                -- what the user sees it as (an organisation of kind 'unit' is a unit)
  record_id uuid not null,
  parent_id uuid,                    -- where the record is shown: the meeting of a decision, the activity of an event
  code text,
  title_en text not null,
  title_az text,
  title_ru text,
  body text not null,
  search tsvector generated always as (accord_search_vector(body)) stored,
  primary key (source, record_id)
);
create index search_entry_search_idx on search_entry using gin (search);
create index search_entry_kind_idx on search_entry (kind);

-- The folded words of every document ('simple' parser, case, accents, ə and ı folded as accord_search_vector does).
-- A misspelt word of a query is matched to the words here by trigram similarity (its GIN index) and edit distance;
-- the words found then search the documents through their text vectors. Words are never removed: a stale word only
-- widens a query to a word no document holds.
create table search_word (
  word text primary key
);
create index search_word_trgm_idx on search_word using gin (word gin_trgm_ops);

-- What each kind is found by. Titles, codes, names, and the short texts people recall (a decision's texts, a
-- message's body); long descriptions are left to each capability's own search.
create view search_document as
  select 'nation'::text as source, 'nation'::text as kind, n.id as record_id, null::uuid as parent_id, n.code::text as code,
         n.name_en as title_en, n.name_az as title_az, n.name_ru as title_ru,
         concat_ws(' ', n.code, n.name_en, n.name_az, n.name_ru) as body
    from nation n
  union all
  select 'organisation', case when o.kind = 'unit' then 'unit' else 'organisation' end, o.id, null, o.code,
         o.name_en, o.name_az, o.name_ru, concat_ws(' ', o.code, o.name_en, o.name_az, o.name_ru, o.city)
    from organisation o
  union all
  select 'person', 'person', p.id, null, null, p.given_name || ' ' || p.family_name, null, null,
         concat_ws(' ', p.given_name, p.family_name, p.rank_title, p.email)
    from person p
  union all
  select 'activity', 'activity', a.id, null, a.code, a.title_en, a.title_az, a.title_ru,
         concat_ws(' ', a.code, a.title_en, a.title_az, a.title_ru, a.city)
    from activity a
  union all
  select 'event', 'event', e.id, e.activity_id, a.code, coalesce(e.title, a.title_en), a.title_az, a.title_ru,
         concat_ws(' ', a.code, e.title, a.title_en, a.title_az, a.title_ru, e.city, e.venue)
    from event e join activity a on a.id = e.activity_id
  union all
  select 'plan', 'plan', p.id, null, p.code, p.title, null, null, concat_ws(' ', p.code, p.title)
    from plan p
  union all
  select 'partnership_goal', 'goal', g.id, null, g.code, g.title, null, null, concat_ws(' ', g.code, g.title)
    from partnership_goal g
  union all
  select 'course', 'course', c.id, c.activity_id, a.code, a.title_en, a.title_az, a.title_ru,
         concat_ws(' ', a.code, a.title_en, a.title_az, a.title_ru, c.qualification_code)
    from course c join activity a on a.id = c.activity_id
  union all
  select 'certificate', 'certificate', x.id, x.course_id, x.number, x.holder_name || ' — ' || a.title_en, null, null,
         concat_ws(' ', x.number, x.holder_name, a.code, a.title_en, a.title_az, a.title_ru)
    from certificate x join course c on c.id = x.course_id join activity a on a.id = c.activity_id
  union all
  select 'evaluation', 'evaluation', v.id, v.unit_id, null, v.title, null, null,
         concat_ws(' ', v.title, u.code, u.name_en, u.name_az, u.name_ru)
    from evaluation v join organisation u on u.id = v.unit_id
  union all
  select 'exercise', 'exercise', x.id, null, x.code, x.name, null, null, concat_ws(' ', x.code, x.name)
    from exercise x
  union all
  select 'operation', 'operation', o.id, null, o.code, o.name, null, null, concat_ws(' ', o.code, o.name)
    from operation o
  union all
  select 'meeting', 'meeting', m.id, null, s.code,
         coalesce(m.title, s.title_en || ' ' || m.number), s.title_az, s.title_ru,
         concat_ws(' ', s.code, m.title, s.title_en, s.title_az, s.title_ru, m.number, m.city)
    from meeting m join meeting_series s on s.id = m.series_id
  union all
  select 'meeting_decision', 'decision', d.id, d.meeting_id, d.reference, d.title, null, null,
         concat_ws(' ', d.reference, d.title,
                   (select string_agg(t.body, ' ' order by t.language) from meeting_decision_text t where t.decision_id = d.id))
    from meeting_decision d
  union all
  select 'meeting_action_item', 'action_item', i.id, i.raised_meeting_id, null, i.title, null, null,
         concat_ws(' ', i.title, i.description)
    from meeting_action_item i
  union all
  select 'exchange_message', 'exchange_message', m.id, null, null, m.subject, null, null, concat_ws(' ', m.subject, m.body)
    from exchange_message m;

-- Brings the entries of the given records of one source up to date: upserted (two writers of one record wait on the
-- entry's row instead of colliding on its key), removed when the record is gone. The records shown through an
-- activity (its events and course) and the certificates of a course carry its title, so they follow it.
create function accord_search_refresh(p_source text, p_ids uuid[]) returns void language plpgsql as $$
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
  if p_source = 'activity' then
    perform accord_search_refresh('event', array(select e.id from event e where e.activity_id = any(p_ids)));
    perform accord_search_refresh('course', array(select c.id from course c where c.activity_id = any(p_ids)));
    perform accord_search_refresh('certificate', array(
      select x.id from certificate x join course c on c.id = x.course_id where c.activity_id = any(p_ids)));
  elsif p_source = 'organisation' then
    perform accord_search_refresh('evaluation', array(select v.id from evaluation v where v.unit_id = any(p_ids)));
  end if;
end $$;

-- Statement-level, with transition tables: a bulk load refreshes its rows in one call. tg_argv: the source, and
-- the column of the changed rows that holds the record's id (a decision's texts point at their decision).
create function accord_search_sync() returns trigger language plpgsql as $$
declare
  ids uuid[];
  col text := coalesce(tg_argv[1], 'id');
begin
  if tg_op = 'INSERT' then
    execute format('select array_agg(distinct r.%I) from new_rows r', col) into ids;
  elsif tg_op = 'DELETE' then
    execute format('select array_agg(distinct r.%I) from old_rows r', col) into ids;
  else
    execute format('select array_agg(distinct x.id) from (select r.%1$I as id from new_rows r union select r.%1$I from old_rows r) x',
                   col) into ids;
  end if;
  perform accord_search_refresh(tg_argv[0], ids);
  return null;
end $$;

do $$
declare
  t record;
begin
  for t in select * from (values
    ('nation', 'nation', 'id'), ('organisation', 'organisation', 'id'), ('person', 'person', 'id'),
    ('activity', 'activity', 'id'), ('event', 'event', 'id'), ('plan', 'plan', 'id'),
    ('partnership_goal', 'partnership_goal', 'id'), ('course', 'course', 'id'), ('certificate', 'certificate', 'id'),
    ('evaluation', 'evaluation', 'id'), ('exercise', 'exercise', 'id'), ('operation', 'operation', 'id'),
    ('meeting', 'meeting', 'id'), ('meeting_decision', 'meeting_decision', 'id'),
    ('meeting_decision_text', 'meeting_decision', 'decision_id'), ('meeting_action_item', 'meeting_action_item', 'id'),
    ('exchange_message', 'exchange_message', 'id')) v(tab, src, col)
  loop
    execute format('create trigger %I after insert on %I referencing new table as new_rows
      for each statement execute function accord_search_sync(%L, %L)', t.tab || '_search_ins', t.tab, t.src, t.col);
    execute format('create trigger %I after update on %I referencing old table as old_rows new table as new_rows
      for each statement execute function accord_search_sync(%L, %L)', t.tab || '_search_upd', t.tab, t.src, t.col);
    execute format('create trigger %I after delete on %I referencing old table as old_rows
      for each statement execute function accord_search_sync(%L, %L)', t.tab || '_search_del', t.tab, t.src, t.col);
  end loop;
end $$;

-- A meeting's entry carries its series' titles.
create function accord_search_sync_series() returns trigger language plpgsql as $$
begin
  perform accord_search_refresh('meeting', array(select m.id from meeting m where m.series_id in (select id from new_rows)));
  return null;
end $$;
create trigger meeting_series_search_upd after update on meeting_series referencing new table as new_rows
  for each statement execute function accord_search_sync_series();

insert into search_entry (source, kind, record_id, parent_id, code, title_en, title_az, title_ru, body)
  select source, kind, record_id, parent_id, code, title_en, title_az, title_ru, body from search_document;
insert into search_word (word)
  select distinct w from search_entry s
    cross join lateral unnest(tsvector_to_array(to_tsvector('simple'::regconfig, accord_unaccent(lower(s.body))))) w
  where length(w) >= 3
  on conflict (word) do nothing;

-- The query of a search with each word widened to the known words one letter away (wrong, dropped or added) or two
-- (two letters swapped), found by trigram similarity: the words of the query AND-ed, each the OR of its variants, in
-- the three configurations of accord_search_query. Null when the query has no word. The exact query is not in it:
-- callers match `search @@ exact or search @@ fuzzy` and rank exact matches first. Words shorter than four letters
-- are taken as typed (one letter of three is too much of the word to guess).
create function accord_fuzzy_query(q text) returns tsquery
  language plpgsql stable parallel safe
  set pg_trgm.similarity_threshold = 0.25
  as $$
declare
  result tsquery;
  alternatives tsquery;
  w text;
  v text;
begin
  if q is null then return null; end if;
  for w in select unnest(tsvector_to_array(to_tsvector('simple'::regconfig, accord_unaccent(lower(q))))) loop
    alternatives := accord_search_query(w);
    if length(w) >= 4 then
      for v in select sw.word from search_word sw
               where sw.word % w and sw.word <> w
                 and levenshtein_less_equal(sw.word, w, 2) <= case when length(w) >= 5 then 2 else 1 end
               order by sw.word <-> w, sw.word limit 5 loop
        alternatives := alternatives || accord_search_query(v);
      end loop;
    end if;
    result := case when result is null then alternatives else result && alternatives end;
  end loop;
  return result;
end $$;
