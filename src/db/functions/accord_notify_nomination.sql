-- accord_notify_nomination: Notices of one nomination: to the coordinators of its nation, whoever nominated, the
-- person's own account and, when asked, the organisers of the activity (and of the organisations above them); the
-- actor is left out. PL/pgSQL so that its plans are kept between calls (0018).
--
-- plan_cache_mode force_generic_plan: with one nomination id, the cached (generic) plan of accord_notify_nominations'
-- statement is as good as a custom one, but in the default mode PostgreSQL judged it dearer and planned the
-- statement again at every call, about 1.2 ms of CPU a nomination (over half of accord_nominate's; docs/performance.md,
-- 2026-12-06). The setting holds only during this call: other callers of accord_notify_nominations (many ids at
-- once) keep the default mode.
--
-- Defined by migrations 0013_nomination_seat_function, 0018_plpgsql_nomination_helpers, 0022_notifications until
-- this file became its definition.

CREATE OR REPLACE FUNCTION public.accord_notify_nomination(p_nomination_id uuid, p_kind text, p_title text, p_body text, p_actor_user_id uuid, p_organisers boolean, p_concerned boolean)
 RETURNS void
 LANGUAGE plpgsql
 SET plan_cache_mode TO 'force_generic_plan'
AS $function$
begin
  perform accord_notify_nominations(array[p_nomination_id], p_kind, p_title, p_body, p_actor_user_id, p_organisers,
    p_concerned);
end $function$;
