-- accord_fuzzy_query: The query of a search with each word widened to the known words one letter away (wrong,
-- dropped or added) or two (two letters swapped), found by trigram similarity: the words of the query AND-ed, each
-- the OR of its variants, in the three configurations of accord_search_query. Null when the query has no word. The
-- exact query is not in it: callers match `search @@ exact or search @@ fuzzy` and rank exact matches first. Words
-- shorter than four letters are taken as typed. Sequential scans are off inside it so that search_word is read by
-- its trigram index (0031). A variant's query in one configuration is often another's (a stem shared by the
-- English and Russian configurations, or by two spellings): each distinct one is OR-ed once, because a GIN scan
-- evaluates the whole query for every match it reads.
--
-- Defined by migrations 0029_global_search until this file became its definition.

CREATE OR REPLACE FUNCTION public.accord_fuzzy_query(q text)
 RETURNS tsquery
 LANGUAGE plpgsql
 STABLE PARALLEL SAFE
 SET "pg_trgm.similarity_threshold" TO '0.25'
 SET enable_seqscan TO 'off'
AS $function$
declare
  result tsquery;
  alternatives tsquery;
  seen tsquery[];
  member tsquery;
  w text;
  v text;
begin
  if q is null then return null; end if;
  for w in select unnest(tsvector_to_array(to_tsvector('simple'::regconfig, accord_unaccent(lower(q))))) loop
    alternatives := null;
    seen := '{}';
    for v in
      select w
      union all (
        select sw.word from search_word sw
        where length(w) >= 4 and sw.word % w and sw.word <> w
          and levenshtein_less_equal(sw.word, w, 2) <= case when length(w) >= 5 then 2 else 1 end
        order by sw.word <-> w, sw.word limit 5)
    loop
      for member in
        select c.query from (values
          (1, websearch_to_tsquery('simple'::regconfig, accord_unaccent(lower(v)))),
          (2, websearch_to_tsquery('english'::regconfig, accord_unaccent(lower(v)))),
          (3, websearch_to_tsquery('russian'::regconfig, accord_unaccent(lower(v))))) as c(n, query)
        order by c.n
      loop
        if numnode(member) > 0 and not member = any(seen) then
          seen := seen || member;
          alternatives := case when alternatives is null then member else alternatives || member end;
        end if;
      end loop;
    end loop;
    alternatives := coalesce(alternatives, accord_search_query(w));
    result := case when result is null then alternatives else result && alternatives end;
  end loop;
  return result;
end $function$;
