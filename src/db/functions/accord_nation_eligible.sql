-- accord_nation_eligible: Whether a nation may be nominated to an activity of the given eligibility, judged on
-- today's memberships.
--
-- Defined by migrations 0003_catalogue until this file became its definition.

CREATE OR REPLACE FUNCTION public.accord_nation_eligible(eligibility text, eligible_nations uuid[], nation uuid)
 RETURNS boolean
 LANGUAGE sql
 STABLE PARALLEL SAFE
AS $function$
    select case eligibility
      when 'everyone' then true
      when 'named_nations' then nation = any(eligible_nations)
      when 'alliance_members' then exists (
        select 1 from nation_membership m where m.nation_id = nation and m.kind = 'alliance_member'
          and m.started_on <= current_date and (m.ended_on is null or m.ended_on >= current_date))
      when 'partners' then exists (
        select 1 from nation_membership m where m.nation_id = nation and m.kind in ('partnership_for_peace', 'eapc')
          and m.started_on <= current_date and (m.ended_on is null or m.ended_on >= current_date))
        and not exists (
        select 1 from nation_membership m where m.nation_id = nation and m.kind = 'alliance_member'
          and m.started_on <= current_date and (m.ended_on is null or m.ended_on >= current_date))
      else false end
  $function$;
