-- Issue 20: an answer carries its evidence (what the evaluator saw: a document, a record, a demonstration) beside
-- its comment.
alter table evaluation_answer
  add column evidence text constraint evaluation_answer_evidence_check check (length(evidence) <= 4000);
