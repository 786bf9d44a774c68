-- Transparency log (issue 25): the job queue signs at most one head per period across every instance. A scheduled
-- head names its period (the crontab's time); a second head for the same period is refused by the index, whichever
-- instance or retry tries it. Heads signed on demand (a proof, `accord audit sth`) have no period.
alter table transparency_head add column period timestamptz;
create unique index transparency_head_period_idx on transparency_head (period) where period is not null;
