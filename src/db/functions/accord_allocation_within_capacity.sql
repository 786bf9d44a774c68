-- accord_allocation_within_capacity: The granted seat allocations of an event never add up to more than its
-- capacity. The services check it first (with the field named) under the event's row lock; this trigger holds it
-- for any other writer.
--
-- Trigger function of event_seat_allocation_capacity on event_seat_allocation. Triggers are created with their
-- tables, in the numbered migrations.
--
-- Defined by migrations 0039_seat_allocation until this file became its definition.

CREATE OR REPLACE FUNCTION public.accord_allocation_within_capacity()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
declare
  v_capacity integer;
  v_granted integer;
begin
  select coalesce(e.capacity, a.capacity) into v_capacity
    from event e join activity a on a.id = e.activity_id where e.id = new.event_id;
  select coalesce(sum(granted), 0) into v_granted from event_seat_allocation where event_id = new.event_id;
  if v_capacity is not null and v_granted > v_capacity then
    raise exception 'the granted allocations (%) exceed the capacity (%)', v_granted, v_capacity
      using errcode = 'check_violation', constraint = 'event_seat_allocation_capacity_check';
  end if;
  return null;
end $function$;
