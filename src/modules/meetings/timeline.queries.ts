import { expressionBuilder, type RawBuilder, sql } from "kysely";
import type { DB } from "../../db/schema/index.js";
import { visibleTo } from "../../platform/access/releasability.js";
import type { Viewer } from "../../platform/access/viewer.js";
import { type ExchangeScope, messageVisible } from "./exchange.queries.js";

const visible = (viewer: Viewer, alias: string) =>
  visibleTo(viewer, alias)(expressionBuilder<DB, keyof DB>());

/** The nation itself or one of its organisations (a national centre, a ministry) as a party. */
const ofNation = (nationColumn: string, organisationColumn: string, nationId: string) =>
  sql`(${sql.ref(nationColumn)} = ${nationId}
    or ${sql.ref(organisationColumn)} in (select org.id from organisation org where org.nation_id = ${nationId}))`;

/**
 * Meetings a nation hosted or sent a delegation to, their decisions, the action items assigned to it and the
 * exchange messages it sent or received, as parts of the partnership timeline (columns in the order of programmes'
 * `timeline.queries.ts`). Each by this capability's read rule: a meeting's releasability (decisions and action items
 * are read through their meeting), and the exchange's sender-and-recipients rule (`messageVisible`).
 */
export function meetingsTimelineParts(
  viewer: Viewer,
  nationId: string,
  exchange: ExchangeScope,
): RawBuilder<unknown>[] {
  const attended = sql`(mt.host_nation_id = ${nationId} or exists (select 1 from meeting_delegation md
    where md.meeting_id = mt.id and ${ofNation("md.nation_id", "md.organisation_id", nationId)}))`;
  return [
    sql`select 'meeting', mt.id, mt.starts_on, 'day', mt.ends_on,
        coalesce(mt.title, s.title_en || ' ' || mt.number), s.title_az, s.title_ru, mt.city,
        '/meetings/' || mt.id, null, mt.sample, false
      from meeting mt join meeting_series s on s.id = mt.series_id
      where ${attended} and ${visible(viewer, "mt")}`,
    sql`select 'decision', d.id, mt.starts_on, 'day', null::date, d.reference || ' ' || d.title, null, null,
        coalesce(mt.title, s.title_en || ' ' || mt.number), '/meetings/' || mt.id, null, mt.sample, false
      from meeting_decision d join meeting mt on mt.id = d.meeting_id join meeting_series s on s.id = mt.series_id
      where ${attended} and ${visible(viewer, "mt")}`,
    sql`select 'action_item', ai.id, rm.starts_on, 'day', ai.deadline, ai.title, null, null, ai.status,
        '/meetings/actions', null, ai.sample, false
      from meeting_action_item ai join meeting rm on rm.id = ai.raised_meeting_id
      where ${ofNation("ai.assignee_nation_id", "ai.assignee_organisation_id", nationId)} and ${visible(viewer, "rm")}`,
    sql`select 'message', m.id, (m.sent_at at time zone 'UTC')::date, 'day', null::date, m.subject, null, null,
        null, '/exchange/' || m.id, null, m.sample, false
      from exchange_message m
      where (${ofNation("m.sender_nation_id", "m.sender_organisation_id", nationId)}
        or exists (select 1 from exchange_recipient r where r.message_id = m.id
          and ${ofNation("r.nation_id", "r.organisation_id", nationId)}))
        and ${messageVisible(exchange)}`,
  ];
}
