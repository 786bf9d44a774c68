-- Issue 22, item 4: double-booking at acceptance. A person's commitments, whatever capability records them, in one
-- function: accepted nominations for catalogue events that are not cancelled (kind: the activity's kind, so courses,
-- exercises and meetings of the catalogue), membership of a meeting delegation (`members[].personId`) of a meeting
-- that is not cancelled, and membership of the team of an evaluation that is not cancelled (over the member's
-- period). Exercises of the operations capability name nations and counts, never people, so they add nothing here.
-- Date ranges are inclusive on both ends: an event ending on the 10th does not overlap one starting on the 11th.
-- `p_except_event_id` leaves out the event being decided (and a meeting held as that event). The release columns
-- let the caller hide the title of a commitment the viewer may not read, while still refusing the acceptance.
create function accord_person_commitments(p_person_id uuid, p_from date, p_to date, p_except_event_id uuid)
returns table (
  kind text, record_type text, id uuid, title text, starts_on date, ends_on date,
  owner_nation_id uuid, owner_organisation_id uuid, releasability text, release_nations uuid[],
  release_organisations uuid[])
language sql stable
as $$
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
      and m.event_id is distinct from p_except_event_id
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
$$;

-- An acceptance the organiser made over a double booking: the reason given and the commitments it overlapped.
alter table nomination add column double_booking jsonb
  constraint nomination_double_booking_check check (double_booking is null or jsonb_typeof(double_booking) = 'object');
