-- A plan objective's period is a period of the objective's own plan. The service checked it ("not a period of this
-- plan", body.periodId); the database now holds it too, so that no path (an import, a restore, a script, a copy)
-- can attach one plan's objective to another plan's period, whose readers would then see it in that period's page.
alter table plan_period add constraint plan_period_id_plan_key unique (id, plan_id);
alter table plan_objective
  add constraint plan_objective_period_of_plan foreign key (period_id, plan_id)
    references plan_period (id, plan_id) on delete set null (period_id);
