-- accord_unaccent: unaccent() is only STABLE; generated columns and indexes need an IMMUTABLE wrapper with the
-- dictionary named explicitly. Azerbaijani schwa and dotless i are folded too, as people type "Azerbaycan" for
-- "Azərbaycan". Stored search vectors depend on it: changing it does not recompute them (that takes a migration).
--
-- Defined by migrations 0001_foundation until this file became its definition.

CREATE OR REPLACE FUNCTION public.accord_unaccent(text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE STRICT
AS $function$ select translate(public.unaccent('public.unaccent'::regdictionary, $1), 'əƏıİ', 'eEiI') $function$;
