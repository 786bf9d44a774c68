-- Partnership goals are agreed by both sides (issue 22): the partner nation's side (a coordinator of the goal's
-- nation) and the alliance side (alliance staff) each record their agreement, who and when. The goal becomes
-- agreed when the second side agrees, under the goal's row lock (goals.service.ts agreeGoal). An account that is
-- removed leaves the time of its agreement.
alter table partnership_goal
  add column partner_agreed_by uuid references app_user on delete set null,
  add column partner_agreed_at timestamptz,
  add column alliance_agreed_by uuid references app_user on delete set null,
  add column alliance_agreed_at timestamptz,
  add constraint partnership_goal_partner_side_check check (partner_agreed_by is null or partner_agreed_at is not null),
  add constraint partnership_goal_alliance_side_check check (alliance_agreed_by is null or alliance_agreed_at is not null);
