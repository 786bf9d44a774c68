-- accord_search_vector: One search document for text in English, Azerbaijani and Russian: 'simple' keeps every word
-- of every language (accent- and case-folded), the english and russian configurations add stemmed forms. Stored
-- generated columns use it: changing it does not recompute them (that takes a migration).
--
-- Defined by migrations 0001_foundation until this file became its definition.

CREATE OR REPLACE FUNCTION public.accord_search_vector(a text, b text DEFAULT NULL::text, c text DEFAULT NULL::text)
 RETURNS tsvector
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$
    select to_tsvector('simple'::regconfig, accord_unaccent(lower(concat_ws(' ', a, b, c))))
        || to_tsvector('english'::regconfig, accord_unaccent(lower(concat_ws(' ', a, b, c))))
        || to_tsvector('russian'::regconfig, accord_unaccent(lower(concat_ws(' ', a, b, c))))
  $function$;
