import { expressionBuilder, sql } from "kysely";
import type { DB } from "../../db/schema/index.js";
import { can } from "../../platform/access/policy.js";
import { visibleTo } from "../../platform/access/releasability.js";
import { readsEverything, type Viewer } from "../../platform/access/viewer.js";
import { ruleFor, type SearchVisibility } from "../../platform/search.js";
import { type ExchangeScope, messageVisible } from "./exchange.queries.js";
import "./meetings.policy.js";

/**
 * Meetings by their releasability; decisions through their meeting's and action items through the meeting that
 * raised them (as the decision list and the action tracker); messages by the exchange's rule for the viewer's scope.
 */
export function searchVisibility(viewer: Viewer, exchange: ExchangeScope): SearchVisibility {
  const eb = expressionBuilder<DB, keyof DB>();
  const result: SearchVisibility = {};
  const all = readsEverything(viewer);
  if (can(viewer, "meeting.read")) {
    result.meeting = ruleFor(
      all,
      () => sql<boolean>`exists (select 1 from meeting where meeting.id = s.record_id
      and ${visibleTo(viewer, "meeting")(eb)} offset 0)`,
    );
    result.decision = ruleFor(
      all,
      () => sql<boolean>`exists (select 1 from meeting_decision d join meeting dm on dm.id = d.meeting_id
      where d.id = s.record_id and ${visibleTo(viewer, "dm")(eb)} offset 0)`,
    );
  }
  if (can(viewer, "action_item.read")) {
    result.action_item = ruleFor(
      all,
      () => sql<boolean>`exists (select 1 from meeting_action_item ai
      join meeting rm on rm.id = ai.raised_meeting_id where ai.id = s.record_id and ${visibleTo(viewer, "rm")(eb)} offset 0)`,
    );
  }
  if (can(viewer, "exchange.read")) {
    result.exchange_message = ruleFor(
      exchange.everything,
      () => sql<boolean>`exists (select 1 from exchange_message m where m.id = s.record_id
      and ${messageVisible(exchange)} offset 0)`,
    );
  }
  return result;
}
