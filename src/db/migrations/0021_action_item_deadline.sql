-- An action item is followed up against its deadline: new and changed items must have one. NOT VALID keeps any
-- older item without a deadline readable until it is next changed, when it has to get one.
alter table meeting_action_item
  add constraint meeting_action_item_deadline_required check (deadline is not null) not valid;
