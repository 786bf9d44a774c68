import "./meetings.policy.js";
import type { Transaction } from "kysely";
import type { DB } from "../../db/schema/index.js";
import { authorize, can } from "../../platform/access/policy.js";
import { coordinatedNationIds, isAdministrator, readsEverything } from "../../platform/access/viewer.js";
import { writeAudit } from "../../platform/audit.js";
import { readAuditedFile } from "../../platform/audited-download.js";
import { auditedInsert, lockRow } from "../../platform/audited-write.js";
import { AppError, notFound, orNotFound, validation } from "../../platform/errors.js";
import { storeFile, type UploadSource } from "../../platform/files.js";
import type { Ctx } from "../../platform/http/request-context.js";
import { paged } from "../../platform/http/schemas.js";
import * as queries from "./exchange.queries.js";
import { deliveredTo, notifyOfMessage } from "./exchange-notices.js";
import { actsFor, type Party } from "./meetings.policy.js";
import type { AcknowledgeInput, ForwardInput, MessageInput, MessageQuery } from "./meetings.schemas.js";

/**
 * The parties the viewer reads the exchange for: the nations they coordinate and the organisation subtrees they
 * manage (they also act for these), plus the nations and organisations of a scoped auditor grant (read only).
 */
export async function exchangeScope(ctx: Ctx): Promise<queries.ExchangeScope> {
  const actNations = coordinatedNationIds(ctx.viewer);
  const actOrganisations = ctx.viewer.managedOrganisationIds;
  const auditorGrants = ctx.viewer.grants.filter((grant) => grant.role === "auditor");
  const auditedOrganisations = await queries.subtree(
    ctx.db,
    auditorGrants.flatMap((grant) => (grant.organisationId ? [grant.organisationId] : [])),
  );
  return {
    everything: readsEverything(ctx.viewer),
    actNations,
    actOrganisations,
    nations: [
      ...new Set([
        ...actNations,
        ...auditorGrants.flatMap((grant) => (grant.nationId ? [grant.nationId] : [])),
      ]),
    ],
    organisations: [...new Set([...actOrganisations, ...auditedOrganisations])],
  };
}

const unique = (ids: string[] | undefined) => [...new Set(ids ?? [])];

function summary(row: queries.MessageRow) {
  return {
    ...row,
    recipients: row.recipients.map(({ nationId: _n, organisationId: _o, ...receipt }) => receipt),
  };
}

/** The party named in the body, or the only party the viewer acts for. */
function senderParty(
  ctx: Ctx,
  input: { senderNationId?: string | null; senderOrganisationId?: string | null },
  candidates: Party[],
): Party {
  if (input.senderNationId && input.senderOrganisationId)
    throw validation("body.senderOrganisationId", "give a sending nation or organisation, not both");
  if (input.senderNationId || input.senderOrganisationId) {
    const party = {
      nationId: input.senderNationId ?? null,
      organisationId: input.senderOrganisationId ?? null,
    };
    if (!actsFor(ctx.viewer, party)) {
      throw new AppError("FORBIDDEN", "You may only send for a nation or organisation you act for", [
        {
          field: input.senderNationId ? "body.senderNationId" : "body.senderOrganisationId",
          message: "not in your scope",
        },
      ]);
    }
    return party;
  }
  const mine = candidates.filter((party) => actsFor(ctx.viewer, party));
  if (mine.length === 1) return mine[0]!;
  throw validation(
    "body.senderOrganisationId",
    mine.length
      ? "you act for several parties: name the one sending"
      : "name the nation or organisation sending",
  );
}

function viewerParties(ctx: Ctx): Party[] {
  return [
    ...coordinatedNationIds(ctx.viewer).map((nationId) => ({ nationId, organisationId: null })),
    ...ctx.viewer.grants
      .filter((grant) => grant.organisationId && grant.role !== "auditor")
      .map((grant) => ({ nationId: null, organisationId: grant.organisationId })),
  ];
}

export async function myParties(ctx: Ctx) {
  authorize(ctx.viewer, "exchange.read");
  const parties = viewerParties(ctx);
  return {
    actsFor: await queries.parties(
      ctx.db,
      parties.flatMap((p) => (p.nationId ? [p.nationId] : [])),
      parties.flatMap((p) => (p.organisationId ? [p.organisationId] : [])),
    ),
  };
}

export async function listMessages(ctx: Ctx, query: MessageQuery) {
  authorize(ctx.viewer, "exchange.read");
  const scope = await exchangeScope(ctx);
  const page = await queries.listMessages(ctx.db, scope, query);
  return paged(query, { total: page.total, items: page.items.map(summary) });
}

export async function counts(ctx: Ctx) {
  authorize(ctx.viewer, "exchange.read");
  return queries.exchangeCounts(ctx.db, await exchangeScope(ctx));
}

export async function visibleMessage(ctx: Ctx, id: string) {
  return orNotFound(await queries.findMessage(ctx.db, await exchangeScope(ctx), id), "The message");
}

const senderOf = (row: queries.MessageRow): Party => ({
  nationId: row.senderNationId,
  organisationId: row.senderOrganisationId,
});

export async function detail(ctx: Ctx, row: queries.MessageRow) {
  const [attachments, releaseList] = await Promise.all([
    queries.attachmentsOf(ctx.db, row.id),
    queries.parties(ctx.db, row.releaseNations, row.releaseOrganisations),
  ]);
  const recipientParties = row.recipients.map((r) => ({
    nationId: r.nationId,
    organisationId: r.organisationId,
  }));
  return {
    ...summary(row),
    releaseNationIds: row.releaseNations,
    releaseOrganisationIds: row.releaseOrganisations,
    releaseList,
    attachments,
    canForward: [...recipientParties, senderOf(row)].some((party) => actsFor(ctx.viewer, party)),
    canAttach: can(ctx.viewer, "exchange.send", senderOf(row)),
    canWidenRelease: can(ctx.viewer, "exchange.release", senderOf(row)),
  };
}

/** Reading a message is an access to a document: every read is audited. */
export async function getMessage(ctx: Ctx, id: string) {
  authorize(ctx.viewer, "exchange.read");
  const row = await visibleMessage(ctx, id);
  await writeAudit(ctx.db, ctx, {
    action: "exchange.document.read",
    recordType: "exchange_message",
    recordId: id,
  });
  return detail(ctx, row);
}

export async function getThread(ctx: Ctx, threadId: string) {
  authorize(ctx.viewer, "exchange.read");
  const rows = await queries.threadMessages(ctx.db, await exchangeScope(ctx), threadId);
  if (!rows.length) throw notFound("The thread");
  return { threadId, items: rows.map(summary) };
}

/** Delivers a message to nations and organisations: they become its recipients and their staff are told. */
export async function deliverMessage(
  trx: Transaction<DB>,
  ctx: Ctx,
  message: { id: string; subject: string },
  nations: string[],
  organisations: string[],
) {
  await queries.insertRecipients(trx, message.id, nations, organisations);
  await notifyOfMessage(trx, ctx, "exchange.received", message, deliveredTo(nations, organisations));
}

async function insertMessage(
  ctx: Ctx,
  message: {
    threadId: string | null;
    forwardedFromId: string | null;
    sender: Party;
    subject: string;
    body: string;
    recipientNations: string[];
    recipientOrganisations: string[];
    releaseNations: string[];
    releaseOrganisations: string[];
    attachmentFileIds: string[];
  },
) {
  return ctx.db.transaction().execute(async (trx) => {
    const id = crypto.randomUUID();
    const row = await queries.insertMessage(trx, {
      id,
      threadId: message.threadId ?? id,
      forwardedFromId: message.forwardedFromId,
      senderNationId: message.sender.nationId,
      senderOrganisationId: message.sender.organisationId,
      sentBy: ctx.viewer.userId,
      subject: message.subject,
      body: message.body,
      releaseNations: message.releaseNations,
      releaseOrganisations: message.releaseOrganisations,
    });
    await queries.insertAttachments(trx, id, message.attachmentFileIds);
    await deliverMessage(
      trx,
      ctx,
      { id, subject: message.subject },
      message.recipientNations,
      message.recipientOrganisations,
    );
    await writeAudit(trx, ctx, {
      action: message.forwardedFromId ? "exchange.message.forward" : "exchange.message.send",
      recordType: "exchange_message",
      recordId: id,
      after: {
        ...row,
        recipientNations: message.recipientNations,
        recipientOrganisations: message.recipientOrganisations,
        releaseNations: message.releaseNations,
        releaseOrganisations: message.releaseOrganisations,
      },
    });
    return id;
  });
}

export async function sendMessage(ctx: Ctx, input: MessageInput) {
  authorize(ctx.viewer, "exchange.read");
  const sender = senderParty(ctx, input, viewerParties(ctx));
  authorize(ctx.viewer, "exchange.send", sender);
  const recipientNations = unique(input.recipientNationIds);
  const recipientOrganisations = unique(input.recipientOrganisationIds);
  if (recipientNations.length + recipientOrganisations.length === 0)
    throw validation("body.recipientOrganisationIds", "name at least one recipient");
  // The release list is at least the recipients and the sender: the circle a forward may never leave.
  const releaseNations = unique([
    ...recipientNations,
    ...(input.releaseNationIds ?? []),
    ...(sender.nationId ? [sender.nationId] : []),
  ]);
  const releaseOrganisations = unique([
    ...recipientOrganisations,
    ...(input.releaseOrganisationIds ?? []),
    ...(sender.organisationId ? [sender.organisationId] : []),
  ]);
  const id = await insertMessage(ctx, {
    threadId: null,
    forwardedFromId: null,
    sender,
    subject: input.subject,
    body: input.body ?? "",
    recipientNations,
    recipientOrganisations,
    releaseNations,
    releaseOrganisations,
    attachmentFileIds: [],
  });
  return detail(ctx, await visibleMessage(ctx, id));
}

/** A forward stays inside the original's release list: it cannot widen who may see the message. */
export async function forwardMessage(ctx: Ctx, id: string, input: ForwardInput) {
  authorize(ctx.viewer, "exchange.read");
  const original = await visibleMessage(ctx, id);
  const candidates: Party[] = [
    ...original.recipients.map((r) => ({ nationId: r.nationId, organisationId: r.organisationId })),
    senderOf(original),
  ];
  const sender = senderParty(ctx, input, candidates);
  if (!candidates.some((p) => p.nationId === sender.nationId && p.organisationId === sender.organisationId)) {
    throw new AppError("FORBIDDEN", "Only the sender or a recipient of the message may forward it", [
      {
        field: sender.nationId ? "body.senderNationId" : "body.senderOrganisationId",
        message: "not a party to the message",
      },
    ]);
  }
  authorize(ctx.viewer, "exchange.forward", sender);
  const recipientNations = unique(input.recipientNationIds);
  const recipientOrganisations = unique(input.recipientOrganisationIds);
  if (recipientNations.length + recipientOrganisations.length === 0)
    throw validation("body.recipientOrganisationIds", "name at least one recipient");
  const outsideNations = recipientNations.filter((n) => !original.releaseNations.includes(n));
  const outsideOrganisations = recipientOrganisations.filter(
    (o) => !original.releaseOrganisations.includes(o),
  );
  if (outsideNations.length || outsideOrganisations.length) {
    throw new AppError(
      "FORBIDDEN",
      "A forward may only go to parties on the original message's release list",
      [
        ...(outsideNations.length
          ? [{ field: "body.recipientNationIds", message: `not releasable to ${outsideNations.join(", ")}` }]
          : []),
        ...(outsideOrganisations.length
          ? [
              {
                field: "body.recipientOrganisationIds",
                message: `not releasable to ${outsideOrganisations.join(", ")}`,
              },
            ]
          : []),
      ],
    );
  }
  const attachments = await queries.attachmentsOf(ctx.db, original.id);
  const subject = original.subject.startsWith("Fwd: ") ? original.subject : `Fwd: ${original.subject}`;
  const quoted = `${input.note ? `${input.note}\n\n` : ""}---- Forwarded message (${original.sender.code}) ----\n${original.body}`;
  const forwardId = await insertMessage(ctx, {
    threadId: original.threadId,
    forwardedFromId: original.id,
    sender,
    subject: subject.slice(0, 300),
    body: quoted.slice(0, 50_000),
    recipientNations,
    recipientOrganisations,
    releaseNations: original.releaseNations,
    releaseOrganisations: original.releaseOrganisations,
    attachmentFileIds: attachments.map((a) => a.fileId),
  });
  return detail(ctx, await visibleMessage(ctx, forwardId));
}

/**
 * Records the receipt once per recipient. A second acknowledgement changes nothing and answers the first one's
 * time: the unique key on the recipient decides, not a check in JavaScript.
 */
export async function acknowledge(ctx: Ctx, id: string, input: AcknowledgeInput) {
  authorize(ctx.viewer, "exchange.read");
  const message = await visibleMessage(ctx, id);
  let targets = message.recipients;
  if (input.recipientId) {
    targets = targets.filter((r) => r.recipientId === input.recipientId);
    if (!targets.length) throw validation("body.recipientId", "is not a recipient of this message");
    authorize(ctx.viewer, "exchange.acknowledge", {
      nationId: targets[0]!.nationId,
      organisationId: targets[0]!.organisationId,
    });
  } else {
    // Administrators act for everyone, so they must say which recipient they acknowledge for.
    targets = isAdministrator(ctx.viewer)
      ? []
      : targets.filter((r) =>
          actsFor(ctx.viewer, { nationId: r.nationId, organisationId: r.organisationId }),
        );
    if (!targets.length) {
      if (isAdministrator(ctx.viewer))
        throw validation("body.recipientId", "name the recipient you acknowledge for");
      throw new AppError("FORBIDDEN", "You do not act for a recipient of this message");
    }
  }
  const recipientIds = targets.map((r) => r.recipientId);
  return ctx.db.transaction().execute(async (trx) => {
    const sent = await queries.shareLockMessage(trx, id);
    const inserted = await queries.insertAcknowledgements(trx, recipientIds, ctx.viewer.userId);
    const rows = await queries.receipts(trx, recipientIds);
    const fresh = new Set(inserted.map((row) => row.recipientId));
    if (fresh.size) {
      await notifyOfMessage(
        trx,
        ctx,
        "exchange.acknowledged",
        { id, subject: sent.subject },
        {
          users: [sent.sentBy],
        },
      );
      await writeAudit(trx, ctx, {
        action: "exchange.message.acknowledge",
        recordType: "exchange_message",
        recordId: id,
        detail: { recipientIds: [...fresh] },
      });
    }
    return { receipts: rows.map((row) => ({ ...row, alreadyAcknowledged: !fresh.has(row.recipientId) })) };
  });
}

export async function uploadAttachment(ctx: Ctx, source: UploadSource, id: string) {
  authorize(ctx.viewer, "exchange.read");
  const message = await visibleMessage(ctx, id);
  authorize(ctx.viewer, "exchange.send", senderOf(message));
  const upload = await source(ctx.config.uploadLimitBytes);
  await ctx.db.transaction().execute(async (trx) => {
    // A receipt covers exactly what was received: once a recipient has acknowledged the message, its content is
    // closed, and a further file goes in a new message. The row lock orders this against `acknowledge`.
    await lockRow(trx, "exchangeMessage", { id, missing: "The message" });
    if (await queries.isAcknowledged(trx, id))
      throw new AppError(
        "INVALID_STATE",
        "A recipient has acknowledged receipt of this message: its content is closed; send the file in a new message",
        [
          {
            field: "file",
            message: "the message is acknowledged; attach files before recipients acknowledge it",
          },
        ],
      );
    const file = await storeFile(trx, ctx, upload);
    await auditedInsert(
      trx,
      ctx,
      "exchangeAttachment",
      { messageId: id, fileId: file.id },
      { action: "exchange.attachment.add" },
    );
  });
  return detail(ctx, await visibleMessage(ctx, id));
}

export async function downloadAttachment(ctx: Ctx, id: string, attachmentId: string) {
  authorize(ctx.viewer, "exchange.read");
  await visibleMessage(ctx, id);
  return readAuditedFile(ctx, await queries.attachmentFile(ctx.db, id, attachmentId), "The attachment", {
    action: "exchange.document.read",
    recordType: "exchange_attachment",
    recordId: attachmentId,
    detail: { messageId: id },
  });
}

export async function accessLog(ctx: Ctx, id: string) {
  authorize(ctx.viewer, "exchange.read");
  const message = await visibleMessage(ctx, id);
  authorize(ctx.viewer, "exchange.access_log", senderOf(message));
  const attachments = await queries.attachmentsOf(ctx.db, id);
  const items = await queries.accessLog(
    ctx.db,
    id,
    attachments.map((a) => a.id),
  );
  return { items };
}
