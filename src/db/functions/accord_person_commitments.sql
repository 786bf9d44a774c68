-- accord_person_commitments: Double booking (issue 22): a person's commitments over a date range, whatever
-- capability records them: accepted nominations for events that are not cancelled, meeting delegations and
-- evaluation teams. Date ranges are inclusive on both ends. `p_except_event_id` leaves out the event being decided
-- (and a meeting held as that event); null leaves out nothing. The release columns let the caller hide the title of
-- a commitment the viewer may not read.
--
-- Defined by migrations 0036_double_booking, 0038_programme_versions_commitments until this file became its
-- definition.

CREATE OR REPLACE FUNCTION public.accord_person_commitments(p_person_id uuid, p_from date, p_to date, p_except_event_id uuid)
 RETURNS TABLE(kind text, record_type text, id uuid, title text, starts_on date, ends_on date, owner_nation_id uuid, owner_organisation_id uuid, releasability text, release_nations uuid[], release_organisations uuid[])
 LANGUAGE sql
 STABLE
AS $function$
  select c.* from (
    select a.kind, 'event'::text, e.id, a.code || ' ' || a.title_en, e.starts_on, e.ends_on,
      a.owner_nation_id, a.owner_organisation_id, a.releasability, a.release_nations, a.release_organisations
    from nomination n join event e on e.id = n.event_id join activity a on a.id = e.activity_id
    where n.person_id = p_person_id and n.status = 'accepted' and e.status <> 'cancelled'
      and e.starts_on <= p_to and e.ends_on >= p_from and e.id is distinct from p_except_event_id
    union all
    select 'meeting', 'meeting', m.id, coalesce(m.title, s.title_en || ' ' || m.number), m.starts_on, m.ends_on,
      m.owner_nation_id, m.owner_organisation_id, m.releasability, m.release_nations, m.release_organisations
    from meeting m join meeting_series s on s.id = m.series_id
    where m.status <> 'cancelled' and m.starts_on <= p_to and m.ends_on >= p_from
      and (p_except_event_id is null or m.event_id is distinct from p_except_event_id)
      and exists (select 1 from meeting_delegation d cross join jsonb_array_elements(d.members) member
                  where d.meeting_id = m.id and member ->> 'personId' = p_person_id::text)
    union all
    select 'evaluation_team', 'evaluation', ev.id, ev.title, lower(t.period), upper(t.period) - 1,
      ev.owner_nation_id, ev.owner_organisation_id, ev.releasability, ev.release_nations, ev.release_organisations
    from evaluation_team_member t join evaluation ev on ev.id = t.evaluation_id
    where t.person_id = p_person_id and ev.state <> 'cancelled' and t.period && daterange(p_from, p_to, '[]')
  ) c (kind, record_type, id, title, starts_on, ends_on, owner_nation_id, owner_organisation_id, releasability,
       release_nations, release_organisations)
  order by c.starts_on, c.kind, c.id
$function$;
