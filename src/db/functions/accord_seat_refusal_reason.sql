-- accord_seat_refusal_reason: The waitlist reason of each seat refusal, as the nomination's status_reason shows it.
--
-- Defined by migrations 0039_seat_allocation until this file became its definition.

CREATE OR REPLACE FUNCTION public.accord_seat_refusal_reason(p_refusal text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$
  select case p_refusal
    when 'capacity' then 'All seats are taken'
    when 'quota' then 'The nation''s quota is used'
    when 'allocation' then 'The nation''s allocation is used'
    when 'reserved' then 'The free seats are allocated to other nations'
  end
$function$;
