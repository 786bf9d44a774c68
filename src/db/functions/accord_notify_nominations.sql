-- accord_notify_nominations: Nomination notices of many nominations in one statement (cancelling an event with
-- thousands of them), with the values every language's template needs.
--
-- Defined by migrations 0022_notifications until this file became its definition.

CREATE OR REPLACE FUNCTION public.accord_notify_nominations(p_nomination_ids uuid[], p_kind text, p_title text, p_body text, p_actor_user_id uuid, p_organisers boolean, p_concerned boolean, p_period text DEFAULT NULL::text)
 RETURNS void
 LANGUAGE plpgsql
AS $function$
begin
  with n as (
    select n.id, n.nation_id, n.person_id, n.nominated_by, n.event_id, n.status_reason, a.organiser_id,
           a.host_institution_id, a.code, a.title_en, e.starts_on, e.ends_on, e.city, e.venue, e.time_zone,
           pr.given_name || ' ' || pr.family_name as person_name
    from nomination n join event e on e.id = n.event_id join activity a on a.id = e.activity_id
      join person pr on pr.id = n.person_id
    where n.id = any(p_nomination_ids)
  ), organiser_scope as (
    with recursive up(nomination_id, id, parent_id) as (
      select n.id, o.id, o.parent_id from organisation o join n on o.id in (n.organiser_id, n.host_institution_id)
      union
      select up.nomination_id, o.id, o.parent_id from organisation o join up on o.id = up.parent_id
    ) select nomination_id, id from up
  ), coordinators as (
    select r.user_id, r.nation_id from role_assignment r where r.role = 'national_coordinator'
  ), recipients as (
    select n.id as nomination_id, u.id as user_id
    from n join app_user u on u.id = n.nominated_by
    where p_concerned
    union
    select n.id, u.id from n join app_user u on u.person_id = n.person_id where p_concerned
    union
    select n.id, c.user_id from n join coordinators c on c.nation_id = n.nation_id where p_concerned
    union
    select s.nomination_id, r.user_id from organiser_scope s
      join role_assignment r on r.organisation_id = s.id and r.role in ('organiser', 'course_director')
    where p_organisers
  )
  insert into notification (user_id, kind, title, body, link, record_type, record_id, params, dedupe_key)
  select u.id, p_kind, p_title, p_body, '/catalogue/events/' || n.event_id, 'nomination', n.id,
    jsonb_build_object('activity', n.code || ' ' || n.title_en, 'code', n.code, 'eventId', n.event_id,
      'startsOn', n.starts_on, 'endsOn', n.ends_on, 'city', n.city, 'venue', n.venue, 'person', n.person_name,
      'reason', n.status_reason),
    case when p_period is not null then p_kind || ':' || n.id || ':' || u.id || ':' || p_period end
  from recipients r join n on n.id = r.nomination_id join app_user u on u.id = r.user_id
  where u.disabled_at is null and u.id is distinct from p_actor_user_id
  on conflict (dedupe_key) do nothing;
end $function$;
