-- Partners' activity proposals (issue 22, item 6): an activity created for an organiser of a partner nation by
-- anyone but alliance staff starts `proposed`; alliance staff approve it into the menu (published) or reject it
-- (final) with a reason, kept in `rejection_reason`. A proposed or rejected activity is not part of the menu.
alter table activity drop constraint activity_status_check;
alter table activity add constraint activity_status_check check (status in (
  'proposed', 'draft', 'published', 'closed', 'completed', 'cancelled', 'rejected'));
alter table activity add column rejection_reason text
  constraint activity_rejection_reason_check check (length(rejection_reason) <= 2000);
alter table activity add constraint activity_rejection_reason_required
  check (status <> 'rejected' or rejection_reason is not null);
