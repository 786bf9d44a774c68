-- Participant feedback, level 1 (issue 22, item 5): after an event its accepted participants answer a short
-- questionnaire (ratings 1-5 and comments); the questions are configured per activity kind.
--
-- Anonymity is structural: who answered (feedback_receipt) and what was answered (feedback_response and its
-- answers) are separate rows with nothing joining them: no person, no timestamp finer than the day, random ids.
-- Reports aggregate an event's (or a year's) answers only from five respondents (the service enforces it).
create table feedback_question (
  id uuid primary key default gen_random_uuid(),
  activity_kind text not null constraint feedback_question_kind_check check (activity_kind in (
    'course', 'training', 'seminar', 'conference', 'workshop', 'exercise', 'meeting', 'expert_consultation', 'visit')),
  position integer not null constraint feedback_question_position_check check (position between 1 and 100),
  answer text not null constraint feedback_question_answer_check check (answer in ('rating', 'text')),
  text_en text not null constraint feedback_question_text_en_check check (length(text_en) between 1 and 500),
  text_az text constraint feedback_question_text_az_check check (length(text_az) <= 500),
  text_ru text constraint feedback_question_text_ru_check check (length(text_ru) <= 500),
  -- A retired question is no longer asked; the answers it had stay in the reports.
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index feedback_question_kind_idx on feedback_question (activity_kind, position);
create trigger feedback_question_touch before update on feedback_question
  for each row execute function accord_touch_updated_at();

create table feedback_receipt (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references event on delete cascade,
  person_id uuid not null references person on delete cascade,
  constraint feedback_receipt_once unique (event_id, person_id)
);

create table feedback_response (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references event on delete cascade,
  submitted_on date not null default current_date
);
create index feedback_response_event_idx on feedback_response (event_id);

create table feedback_answer (
  response_id uuid not null references feedback_response on delete cascade,
  question_id uuid not null references feedback_question,
  rating smallint constraint feedback_answer_rating_check check (rating between 1 and 5),
  comment text constraint feedback_answer_comment_check check (length(comment) between 1 and 2000),
  primary key (response_id, question_id),
  constraint feedback_answer_given_check check (rating is not null or comment is not null)
);
create index feedback_answer_question_idx on feedback_answer (question_id);

-- The questions every activity kind starts with; administrators change them per kind.
insert into feedback_question (activity_kind, position, answer, text_en, text_az, text_ru)
select kind, q.position, q.answer, q.text_en, q.text_az, q.text_ru
from unnest(array['course', 'training', 'seminar', 'conference', 'workshop', 'exercise', 'meeting',
  'expert_consultation', 'visit']) as kind
cross join (values
  (1, 'rating', 'Overall, how useful was the event for your work?',
    'Ümumilikdə tədbir işiniz üçün nə dərəcədə faydalı oldu?',
    'Насколько в целом мероприятие было полезно для вашей работы?'),
  (2, 'rating', 'How well was the event organised?',
    'Tədbir nə dərəcədə yaxşı təşkil olunmuşdu?',
    'Насколько хорошо было организовано мероприятие?'),
  (3, 'rating', 'How well did the speakers or instructors present their subject?',
    'Məruzəçilər və ya təlimatçılar mövzunu nə dərəcədə yaxşı təqdim etdilər?',
    'Насколько хорошо докладчики или инструкторы изложили свою тему?'),
  (4, 'text', 'What should the organiser keep or change next time?',
    'Təşkilatçı növbəti dəfə nəyi saxlamalı və ya dəyişməlidir?',
    'Что организатору стоит сохранить или изменить в следующий раз?')
) as q(position, answer, text_en, text_az, text_ru);
