-- accord_search_query: The tsquery of a search text in the three configurations of accord_search_vector, OR-ed, so
-- that a word matches in any of the languages.
--
-- Defined by migrations 0001_foundation until this file became its definition.

CREATE OR REPLACE FUNCTION public.accord_search_query(q text)
 RETURNS tsquery
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$
    select websearch_to_tsquery('simple'::regconfig, accord_unaccent(lower(q)))
        || websearch_to_tsquery('english'::regconfig, accord_unaccent(lower(q)))
        || websearch_to_tsquery('russian'::regconfig, accord_unaccent(lower(q)))
  $function$;
