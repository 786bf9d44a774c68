import type { Kysely } from "kysely";
import type { DB } from "../../db/schema/index.js";
import type { Ctx } from "../../platform/http/request-context.js";
import { type NotificationKind, notify, type Recipients } from "../notices/index.js";

/** Who hears of a message delivered to nations and organisations: the coordinators and the organisers. */
export const deliveredTo = (nations: string[], organisations: string[]): Recipients[] => [
  { nationCoordinators: nations },
  { organisationStaff: { organisationIds: organisations, roles: ["organiser"] } },
];

/** Tells `recipients` of what happened to a message (received, acknowledged): its subject, a link to it. */
export function notifyOfMessage(
  trx: Kysely<DB>,
  ctx: Ctx,
  kind: NotificationKind,
  message: { id: string; subject: string },
  recipients: Recipients | Recipients[],
) {
  return notify(trx, {
    recipients,
    kind,
    record: { type: "exchange_message", id: message.id, link: `/exchange/${message.id}` },
    title: message.subject,
    params: { title: message.subject },
    actorUserId: ctx.viewer.userId,
  });
}
