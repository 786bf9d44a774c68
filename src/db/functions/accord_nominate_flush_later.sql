-- accord_nominate_flush_later: accord_nominate committing under accord_flush_later(): its single statement is its
-- transaction, so the API calls this and then accord_durable() before it answers. Other callers (imports, a caller's
-- transaction) keep accord_nominate and its commit (0043_nomination_storm).

CREATE OR REPLACE FUNCTION public.accord_nominate_flush_later(p_event_id uuid, p_person_id uuid, p_nation_id uuid, p_priority integer, p_note text, p_warnings jsonb, p_actor_user_id uuid, p_actor_label text, p_request_id text)
 RETURNS SETOF nomination
 LANGUAGE plpgsql
AS $function$
begin
  perform accord_flush_later();
  return query select * from accord_nominate(p_event_id, p_person_id, p_nation_id, p_priority, p_note, p_warnings,
    p_actor_user_id, p_actor_label, p_request_id);
end $function$;
