-- accord_camel_keys: A row's snake_case keys as the camelCase the API and the rest of the audit trail use (the
-- audit diff accord_nominate writes). PL/pgSQL rather than SQL so that its plans are kept between calls on
-- PostgreSQL before 18.
--
-- Defined by migrations 0013_nomination_seat_function, 0018_plpgsql_nomination_helpers until this file became its
-- definition.

CREATE OR REPLACE FUNCTION public.accord_camel_keys(p jsonb)
 RETURNS jsonb
 LANGUAGE plpgsql
 IMMUTABLE PARALLEL SAFE
AS $function$
begin
  return (
    select coalesce(jsonb_object_agg(lower(left(c, 1)) || substr(c, 2), v), '{}'::jsonb)
      from jsonb_each(p) as e(k, v), lateral (select replace(initcap(replace(k, '_', ' ')), ' ', '') as c) x);
end $function$;
