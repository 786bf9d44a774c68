-- accord_seat_refusal: The seat rule (ARCHITECTURE.md, Seat decisions): may one more seat of the event go to a
-- nomination of the nation? Null when it may, else why not: 'capacity' (every seat is held), 'allocation' (the
-- nation holds its granted allocation), 'quota' (a nation without an allocation holds the single quota), 'reserved'
-- (the free seats are reserved for other nations' allocations). Held seats are accepted nominations and open seat
-- offers, except the open offer of p_except (a nomination taking the seat its own offer holds). Before the
-- re-allocation, allocations and the quota bind; after it, only the capacity. The caller holds the event's row
-- lock.
--
-- Defined by migrations 0039_seat_allocation until this file became its definition.

CREATE OR REPLACE FUNCTION public.accord_seat_refusal(p_event_id uuid, p_nation_id uuid, p_except uuid DEFAULT NULL::uuid)
 RETURNS text
 LANGUAGE plpgsql
AS $function$
declare
  v_capacity integer;
  v_quota integer;
  v_binding boolean;
  v_total integer;
  v_mine integer;
  v_granted integer;
  v_reserved integer;
begin
  select coalesce(e.capacity, a.capacity), coalesce(e.nation_quota, a.nation_quota), e.reallocated_at is null
    into v_capacity, v_quota, v_binding
    from event e join activity a on a.id = e.activity_id where e.id = p_event_id;
  with held as (
    select n.nation_id from nomination n where n.event_id = p_event_id and n.status = 'accepted'
    union all
    select n.nation_id from seat_offer o join nomination n on n.id = o.nomination_id
      where o.event_id = p_event_id and o.status = 'offered' and n.id is distinct from p_except),
  by_nation as (select nation_id, count(*)::int as n from held group by nation_id),
  allocated as (
    select al.nation_id, al.granted, coalesce(b.n, 0) as n
      from event_seat_allocation al left join by_nation b on b.nation_id = al.nation_id
      where al.event_id = p_event_id and al.granted is not null)
  select (select coalesce(sum(n), 0) from by_nation),
         (select coalesce(sum(n), 0) from by_nation where nation_id = p_nation_id),
         (select granted from allocated where nation_id = p_nation_id),
         (select coalesce(sum(greatest(granted - n, 0)), 0) from allocated where nation_id <> p_nation_id)
    into v_total, v_mine, v_granted, v_reserved;
  if v_capacity is not null and v_total >= v_capacity then
    return 'capacity';
  end if;
  if not v_binding then
    return null;
  end if;
  if v_granted is not null then
    if v_mine >= v_granted then
      return 'allocation';
    end if;
  elsif v_quota is not null and v_mine >= v_quota then
    return 'quota';
  end if;
  if v_capacity is not null and v_total + v_reserved >= v_capacity then
    return 'reserved';
  end if;
  return null;
end $function$;
