-- accord_notification_outbox: A notice becomes an e-mail when its recipient has an address, is not disabled, and
-- takes this kind immediately (the default). Digest and in-app-only kinds stay in the notice table.
--
-- Trigger function of notification_outbox on notification. Triggers are created with their tables, in the numbered
-- migrations.
--
-- Defined by migrations 0022_notifications until this file became its definition.

CREATE OR REPLACE FUNCTION public.accord_notification_outbox()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
begin
  insert into mail_outbox (notification_id, user_id, kind, to_address, language)
  select n.id, n.user_id, n.kind, coalesce(u.email, p.email), u.preferred_language
  from new_notifications n
    join app_user u on u.id = n.user_id
    left join person p on p.id = u.person_id
  where u.disabled_at is null
    and coalesce(u.email, p.email) is not null
    and coalesce((select np.delivery from notification_preference np
                  where np.user_id = n.user_id and np.kind = n.kind), 'immediate') = 'immediate';
  return null;
end $function$;
