-- accord_text_query: The catalogue's text condition, the words as typed OR their close spellings, as one tsquery
-- for one scan of the GIN index, each distinct member once (the scan evaluates the whole query for every match it
-- reads). For one plain word, accord_fuzzy_query's alternatives begin with the word's own query in each
-- configuration, which is then the exact query: it is not OR-ed a second time.

CREATE OR REPLACE FUNCTION public.accord_text_query(q text)
 RETURNS tsquery
 LANGUAGE plpgsql
 STABLE PARALLEL SAFE
AS $function$
declare
  exact tsquery := accord_search_query(q);
  close tsquery := accord_fuzzy_query(q);
  words text[] := tsvector_to_array(to_tsvector('simple'::regconfig, accord_unaccent(lower(q))));
begin
  if close is null then return exact; end if;
  if cardinality(words) = 1 and exact = accord_search_query(words[1]) then return close; end if;
  return close || exact;
end $function$;
