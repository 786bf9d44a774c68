-- accord_held_seats: Seats held on an event, in all and by one nation: accepted nominations and open seat offers.
--
-- Defined by migrations 0037_seat_offer until this file became its definition.

CREATE OR REPLACE FUNCTION public.accord_held_seats(p_event_id uuid, p_nation_id uuid, OUT total integer, OUT mine integer)
 RETURNS record
 LANGUAGE plpgsql
AS $function$
begin
  select count(*), count(*) filter (where s.nation_id = p_nation_id) into total, mine
    from (select n.nation_id from nomination n where n.event_id = p_event_id and n.status = 'accepted'
          union all
          select n.nation_id from seat_offer o join nomination n on n.id = o.nomination_id
            where o.event_id = p_event_id and o.status = 'offered') s;
end $function$;
