-- Demo data cited internal files ("Accord domain brief (DOMAIN.md)", "Accord issue 6") as its source. Installations
-- seeded before this change get the public sources the facts come from (see src/seed/sources.ts); other rows are
-- untouched.
update partnership_milestone
   set source = case when occurred_on < date '2002-03-01'
                     then 'Central Asia-Caucasus Analyst, field report by Gulnara Ismailova, 27 February 2002'
                     else 'Overview of Azerbaijan''s cooperation with NATO (public overview of the partnership)' end
 where source = 'Accord domain brief (DOMAIN.md), facts from the source material';

update framework_document
   set source = case when signed_on < date '2002-03-01'
                     then 'Central Asia-Caucasus Analyst, field report by Gulnara Ismailova, 27 February 2002'
                     else 'Overview of Azerbaijan''s cooperation with NATO (public overview of the partnership)' end
 where source = 'Accord domain brief (DOMAIN.md), facts from the source material';

update participation_figure
   set source = 'Central Asia-Caucasus Analyst, field report by Gulnara Ismailova, 27 February 2002'
 where source in ('Accord domain brief (DOMAIN.md), facts from the source material',
                  'Accord issue 6 (programme comparison: more than 200 events a year later)')
   and not exists (select 1 from participation_figure other
                    where other.nation_id = participation_figure.nation_id and other.year = participation_figure.year
                      and other.source = 'Central Asia-Caucasus Analyst, field report by Gulnara Ismailova, 27 February 2002');

update period_statement
   set source = 'Overview of Azerbaijan''s cooperation with NATO (public overview of the partnership)'
 where source = 'DOMAIN.md: action plan periods as the source lists them';
update period_statement
   set source = 'A second public overview of Azerbaijan–NATO cooperation (dates period III 2011–2013)'
 where source = 'DOMAIN.md: another source (period III 2011–2013)';
update period_statement
   set source = replace(source, 'DOMAIN.md: coordination centre programmes of cooperation in combating terrorism',
                        'CIS Anti-Terrorism Center, the Center''s own description of its activities')
 where source like 'DOMAIN.md: coordination centre programmes of cooperation in combating terrorism%';

update nation_membership
   set source = 'Central Asia-Caucasus Analyst, field report by Gulnara Ismailova, 27 February 2002'
 where source = 'Accord domain brief (source material on the partner nation)';

update exercise
   set source = case when code = 'CD-2001'
                     then 'Central Asia-Caucasus Analyst, field report by Gulnara Ismailova, 27 February 2002'
                     else 'CIS Anti-Terrorism Center, the Center''s own description of its activities' end
 where source = 'Accord domain brief (source material)';

update meeting_series
   set description = replace(description, 'Source: Accord domain brief.',
                             'Source: CIS Anti-Terrorism Center, the Center''s own description of its activities.')
 where description like '%Source: Accord domain brief.%';
