import {
  type AccessEntry,
  type AccessRequest,
  access,
  type MatrixContext,
  ownersFor,
  PUBLIC,
  SIGNED_IN,
} from "../matrix.js";

type Scope = "in" | "out";

/**
 * Readers of a restricted record owned by the scope's nation and organisation: administrators and global
 * auditors read everything; the nation's coordinators and people (the participant) and the organisation's holders
 * read their own.
 */
export const READERS = access({
  administrator: "allow",
  auditor: "allow",
  national_coordinator: "scope",
  organiser: "scope",
  course_director: "scope",
  evaluator: "scope",
  participant: "scope",
});
/** The owners of a series or meeting (isOwnerEditor): the nation's coordinators and the organisation's managers. */
const OWNER_EDITORS = access({
  administrator: "allow",
  national_coordinator: "scope",
  organiser: "scope",
  course_director: "scope",
  evaluator: "scope",
});
/** New series: administrators, coordinators and organisers, only for an owner they represent. */
const SERIES_CREATORS = access({ administrator: "allow", national_coordinator: "scope", organiser: "scope" });
/**
 * The exchange is read by the sender's side and the named recipients: the nations a caller coordinates and the
 * organisation subtrees they manage. A participant acts for no party and reads nothing; global auditors read all.
 */
const EXCHANGE_READERS = access({
  administrator: "allow",
  auditor: "allow",
  national_coordinator: "scope",
  organiser: "scope",
  course_director: "scope",
  evaluator: "scope",
});
/** Only those acting for the sending organisation attach files or read the access log (plus global readers). */
const SENDER_ORGANISATION = access({
  administrator: "allow",
  organiser: "scope",
  course_director: "scope",
  evaluator: "scope",
});

const ownerOf = (ctx: MatrixContext, scope: Scope) => (scope === "in" ? ctx.inScope : ctx.outOfScope);

/** A series owned by the scope's nation and organisation. */
async function series(
  ctx: MatrixContext,
  scope: Scope,
  releasability: "public" | "restricted" = "restricted",
) {
  const owner = ownerOf(ctx, scope);
  return (
    await ctx.db
      .insertInto("meetingSeries")
      .values({
        code: `MATRIX-MS-${ctx.unique()}`,
        kind: "other",
        titleEn: "Matrix series",
        organiserId: owner.organisationId,
        ownerNationId: owner.nationId,
        ownerOrganisationId: owner.organisationId,
        releasability,
      })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
}

/**
 * A restricted meeting. By default it is owned, like its series, by the scope's nation and organisation. With
 * `organisationOnly` it is owned by the scope's organisation alone and released to the scope's nation: the nation
 * reads it but does not run it.
 */
export async function meeting(ctx: MatrixContext, scope: Scope, organisationOnly = false) {
  const owner = ownerOf(ctx, scope);
  const seriesId = await series(ctx, scope);
  const row = await ctx.db
    .insertInto("meeting")
    .values({
      seriesId,
      number: 1,
      title: "Matrix meeting",
      startsOn: "2026-03-10",
      endsOn: "2026-03-11",
      ownerNationId: organisationOnly ? null : owner.nationId,
      ownerOrganisationId: owner.organisationId,
      releasability: "restricted",
      releaseNations: organisationOnly ? [owner.nationId] : [],
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id: row.id, seriesId };
}

async function agendaItem(ctx: MatrixContext, meetingId: string) {
  return (
    await ctx.db
      .insertInto("meetingAgendaItem")
      .values({ meetingId, position: 1, title: "Matrix agenda item" })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
}

async function decision(ctx: MatrixContext, scope: Scope) {
  const m = await meeting(ctx, scope);
  const row = await ctx.db
    .insertInto("meetingDecision")
    .values({ seriesId: m.seriesId, meetingId: m.id, number: 1, reference: "I/1", title: "Matrix decision" })
    .returning("id")
    .executeTakeFirstOrThrow();
  await ctx.db
    .insertInto("meetingDecisionText")
    .values({ decisionId: row.id, language: "en", body: "Matrix decision text" })
    .execute();
  return row.id;
}

/**
 * An action item raised at a meeting of the scope's organisation (released to the scope's nation) and assigned to
 * the scope's nation: the organisation's managers run the meeting, the nation's coordinators act as assignee.
 */
async function actionItem(ctx: MatrixContext, scope: Scope) {
  const m = await meeting(ctx, scope, true);
  const row = await ctx.db
    .insertInto("meetingActionItem")
    .values({
      seriesId: m.seriesId,
      raisedMeetingId: m.id,
      title: "Matrix action item",
      assigneeNationId: ownerOf(ctx, scope).nationId,
      deadline: "2026-06-30",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id: row.id, meetingId: m.id };
}

const BOUNDARY = "----matrixmeetingsboundary";
/** A multipart body with one small text file in the part named `file`. */
function upload(url: string): AccessRequest {
  return {
    url,
    body: `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="matrix.txt"\r\nContent-Type: text/plain\r\n\r\nMatrix file\r\n--${BOUNDARY}--\r\n`,
    headers: { "content-type": `multipart/form-data; boundary=${BOUNDARY}` },
  };
}

/** Uploads a file as the administrator and answers the id of the new file link found by `pick`. */
async function uploadAsAdmin(
  ctx: MatrixContext,
  url: string,
  pick: (body: any) => string | undefined,
): Promise<string> {
  const request = upload(url);
  const reply = await ctx.admin.request("POST", request.url, request.body, request.headers);
  const id = reply.status < 300 ? pick(reply.body) : undefined;
  if (!id) throw new Error(`Upload to ${url} failed: ${reply.status} ${reply.text.slice(0, 200)}`);
  return id;
}

/** A nation neither scope uses, as a third party of the exchange. */
async function thirdNation(ctx: MatrixContext) {
  const row = await ctx.db
    .selectFrom("nation")
    .select("id")
    .where("id", "not in", [ctx.inScope.nationId, ctx.outOfScope.nationId])
    .orderBy("code")
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * An exchange message. By default it is sent by the scope's organisation to the scope's nation. With
 * `fromThirdParty` it is sent by a third nation to both the scope's nation and the scope's organisation.
 */
async function message(ctx: MatrixContext, scope: Scope, fromThirdParty = false) {
  const owner = ownerOf(ctx, scope);
  const id = crypto.randomUUID();
  const sender = fromThirdParty
    ? { senderNationId: await thirdNation(ctx), senderOrganisationId: null }
    : { senderNationId: null, senderOrganisationId: owner.organisationId };
  await ctx.db
    .insertInto("exchangeMessage")
    .values({
      id,
      threadId: id,
      ...sender,
      subject: "Matrix message",
      body: "Matrix message body",
      releaseNations: [owner.nationId, ...(sender.senderNationId ? [sender.senderNationId] : [])],
      releaseOrganisations: [owner.organisationId],
    })
    .execute();
  const recipients = await ctx.db
    .insertInto("exchangeRecipient")
    .values([
      { messageId: id, nationId: owner.nationId },
      ...(fromThirdParty ? [{ messageId: id, organisationId: owner.organisationId }] : []),
    ])
    .returning(["id", "nationId"])
    .execute();
  return { id, nationRecipientId: recipients.find((r) => r.nationId)!.id };
}

/** The party a caller names as sender: coordinators speak for the nation, everyone else for the organisation. */
function namedSender(ctx: MatrixContext, scope: Scope) {
  const owner = ownerOf(ctx, scope);
  return ctx.role === "national_coordinator"
    ? { senderNationId: owner.nationId }
    : { senderOrganisationId: owner.organisationId };
}

function meetingChild(
  method: AccessEntry["method"],
  url: string,
  build: (ctx: MatrixContext, scope: Scope, meetingId: string) => Promise<{ path: string; body?: unknown }>,
): AccessEntry {
  return {
    method,
    url,
    access: OWNER_EDITORS,
    request: async (ctx, scope) => {
      const { id } = await meeting(ctx, scope);
      const { path, body } = await build(ctx, scope, id);
      return { url: `/api/meetings/${id}${path}`, body };
    },
  };
}

export const accessEntries: AccessEntry[] = [
  // ---------------------------------------------------------------- series
  { method: "GET", url: "/api/meeting-series", access: PUBLIC },
  {
    method: "GET",
    url: "/api/meeting-series/:id",
    access: READERS,
    request: async (ctx, scope) => ({ url: `/api/meeting-series/${await series(ctx, scope)}` }),
  },
  {
    method: "POST",
    url: "/api/meeting-series",
    access: SERIES_CREATORS,
    request: (ctx, scope) => {
      return {
        url: "/api/meeting-series",
        body: {
          code: `MATRIX-NEWMS-${ctx.unique()}`,
          kind: "expert_consultation",
          titleEn: "Matrix new series",
          ...ownersFor(ctx, scope),
          releasability: "restricted",
        },
      };
    },
  },
  {
    method: "GET",
    url: "/api/meeting-series/:id/decisions",
    access: READERS,
    request: async (ctx, scope) => ({ url: `/api/meeting-series/${await series(ctx, scope)}/decisions` }),
  },

  // ---------------------------------------------------------------- meetings
  { method: "GET", url: "/api/meetings", access: PUBLIC },
  {
    method: "GET",
    url: "/api/meetings/:id",
    access: READERS,
    request: async (ctx, scope) => ({ url: `/api/meetings/${(await meeting(ctx, scope)).id}` }),
  },
  {
    method: "POST",
    url: "/api/meetings",
    // The series is public so that everyone sees it: the owners of the series add meetings, nobody else.
    access: OWNER_EDITORS,
    request: async (ctx, scope) => ({
      url: "/api/meetings",
      body: { seriesId: await series(ctx, scope, "public"), startsOn: "2026-09-01", endsOn: "2026-09-02" },
    }),
  },
  {
    method: "PATCH",
    url: "/api/meetings/:id",
    access: OWNER_EDITORS,
    request: async (ctx, scope) => ({
      url: `/api/meetings/${(await meeting(ctx, scope)).id}`,
      body: { venue: "Matrix venue" },
    }),
  },
  meetingChild("POST", "/api/meetings/:id/agenda", async () => ({
    path: "/agenda",
    body: { title: "Matrix new agenda item" },
  })),
  meetingChild("DELETE", "/api/meetings/:id/agenda/:itemId", async (ctx, _scope, meetingId) => ({
    path: `/agenda/${await agendaItem(ctx, meetingId)}`,
  })),
  {
    method: "POST",
    url: "/api/meetings/:id/agenda/:itemId/documents",
    access: OWNER_EDITORS,
    request: async (ctx, scope) => {
      const { id } = await meeting(ctx, scope);
      return upload(`/api/meetings/${id}/agenda/${await agendaItem(ctx, id)}/documents`);
    },
  },
  {
    method: "GET",
    url: "/api/meetings/:id/documents/:documentId",
    access: READERS,
    request: async (ctx, scope) => {
      const { id } = await meeting(ctx, scope);
      const itemId = await agendaItem(ctx, id);
      const documentId = await uploadAsAdmin(
        ctx,
        `/api/meetings/${id}/agenda/${itemId}/documents`,
        (body) =>
          body.agenda?.find((item: { id: string }) => item.id === itemId)?.documents?.[0]?.id as
            | string
            | undefined,
      );
      return { url: `/api/meetings/${id}/documents/${documentId}` };
    },
  },
  meetingChild("POST", "/api/meetings/:id/delegations", async (ctx, scope) => ({
    path: "/delegations",
    body: { nationId: ownerOf(ctx, scope).nationId, headName: "Matrix head" },
  })),
  meetingChild("DELETE", "/api/meetings/:id/delegations/:delegationId", async (ctx, scope, meetingId) => {
    const row = await ctx.db
      .insertInto("meetingDelegation")
      .values({ meetingId, nationId: ownerOf(ctx, scope).nationId })
      .returning("id")
      .executeTakeFirstOrThrow();
    return { path: `/delegations/${row.id}` };
  }),

  // ---------------------------------------------------------------- decisions
  meetingChild("POST", "/api/meetings/:id/decisions", async () => ({
    path: "/decisions",
    body: { title: "Matrix new decision", texts: [{ language: "en", body: "Decided in the matrix" }] },
  })),
  {
    method: "PATCH",
    url: "/api/decisions/:id",
    access: OWNER_EDITORS,
    request: async (ctx, scope) => ({
      url: `/api/decisions/${await decision(ctx, scope)}`,
      body: { title: "Matrix renamed decision" },
    }),
  },

  // ---------------------------------------------------------------- action items
  {
    method: "GET",
    url: "/api/meetings/:id/action-items",
    access: READERS,
    request: async (ctx, scope) => ({
      url: `/api/meetings/${(await actionItem(ctx, scope)).meetingId}/action-items`,
    }),
  },
  meetingChild("POST", "/api/meetings/:id/action-items", async (ctx, scope) => ({
    path: "/action-items",
    body: {
      title: "Matrix new action item",
      assigneeNationId: ownerOf(ctx, scope).nationId,
      deadline: "2030-06-30",
    },
  })),
  { method: "GET", url: "/api/action-items", access: SIGNED_IN },
  {
    method: "GET",
    url: "/api/action-items/:id",
    access: READERS,
    request: async (ctx, scope) => ({ url: `/api/action-items/${(await actionItem(ctx, scope)).id}` }),
  },
  {
    method: "PATCH",
    url: "/api/action-items/:id",
    // The meeting's organisation runs the item; the assignee nation's coordinator reports its progress.
    access: OWNER_EDITORS,
    request: async (ctx, scope) => ({
      url: `/api/action-items/${(await actionItem(ctx, scope)).id}`,
      body: { status: "in_progress", evidence: "Matrix progress" },
    }),
  },
  {
    method: "POST",
    url: "/api/action-items/:id/reviews",
    // Reviews are recorded by the reviewing meeting's owners (the organisation), not by the assignee.
    access: access({
      administrator: "allow",
      organiser: "scope",
      course_director: "scope",
      evaluator: "scope",
    }),
    request: async (ctx, scope) => {
      const item = await actionItem(ctx, scope);
      return {
        url: `/api/action-items/${item.id}/reviews`,
        body: { meetingId: item.meetingId, status: "in_progress", note: "Reviewed in the matrix" },
      };
    },
  },
  {
    method: "POST",
    url: "/api/action-items/:id/evidence",
    access: OWNER_EDITORS,
    request: async (ctx, scope) => upload(`/api/action-items/${(await actionItem(ctx, scope)).id}/evidence`),
  },
  {
    method: "GET",
    url: "/api/action-items/:id/evidence/:evidenceId",
    access: READERS,
    request: async (ctx, scope) => {
      const { id } = await actionItem(ctx, scope);
      const evidenceId = await uploadAsAdmin(
        ctx,
        `/api/action-items/${id}/evidence`,
        (body) => body.evidenceFiles?.[0]?.id as string | undefined,
      );
      return { url: `/api/action-items/${id}/evidence/${evidenceId}` };
    },
  },

  // ---------------------------------------------------------------- information exchange
  { method: "GET", url: "/api/exchange/parties", access: SIGNED_IN },
  { method: "GET", url: "/api/exchange/messages", access: SIGNED_IN },
  { method: "GET", url: "/api/exchange/counts", access: SIGNED_IN },
  {
    method: "GET",
    url: "/api/exchange/threads/:id",
    access: EXCHANGE_READERS,
    request: async (ctx, scope) => ({ url: `/api/exchange/threads/${(await message(ctx, scope)).id}` }),
  },
  {
    method: "GET",
    url: "/api/exchange/messages/:id",
    access: EXCHANGE_READERS,
    request: async (ctx, scope) => ({ url: `/api/exchange/messages/${(await message(ctx, scope)).id}` }),
  },
  {
    method: "POST",
    url: "/api/exchange/messages",
    // Anyone acting for a party sends for it; the caller names the party of the scope.
    access: OWNER_EDITORS,
    request: async (ctx, scope) => ({
      url: "/api/exchange/messages",
      body: {
        ...namedSender(ctx, scope),
        subject: "Matrix new message",
        body: "Sent in the matrix",
        recipientNationIds: [await thirdNation(ctx)],
      },
    }),
  },
  {
    method: "POST",
    url: "/api/exchange/messages/:id/forward",
    // The sender (the organisation) or the recipient (the nation) forwards within the release list.
    access: OWNER_EDITORS,
    request: async (ctx, scope) => {
      const owner = ownerOf(ctx, scope);
      return {
        url: `/api/exchange/messages/${(await message(ctx, scope)).id}/forward`,
        body: {
          ...namedSender(ctx, scope),
          note: "Forwarded in the matrix",
          recipientOrganisationIds: [owner.organisationId],
        },
      };
    },
  },
  {
    method: "POST",
    url: "/api/exchange/messages/:id/acknowledge",
    // Recipients acknowledge: here the scope's nation and organisation both received the message.
    access: OWNER_EDITORS,
    request: async (ctx, scope) => {
      const m = await message(ctx, scope, true);
      return {
        url: `/api/exchange/messages/${m.id}/acknowledge`,
        // Administrators act for every recipient and must say which one they acknowledge for.
        body: ctx.role === "administrator" ? { recipientId: m.nationRecipientId } : {},
      };
    },
  },
  {
    method: "POST",
    url: "/api/exchange/messages/:id/attachments",
    access: SENDER_ORGANISATION,
    request: async (ctx, scope) =>
      upload(`/api/exchange/messages/${(await message(ctx, scope)).id}/attachments`),
  },
  {
    method: "GET",
    url: "/api/exchange/messages/:id/attachments/:attachmentId",
    access: EXCHANGE_READERS,
    request: async (ctx, scope) => {
      const { id } = await message(ctx, scope);
      const attachmentId = await uploadAsAdmin(
        ctx,
        `/api/exchange/messages/${id}/attachments`,
        (body) => body.attachments?.[0]?.id as string | undefined,
      );
      return { url: `/api/exchange/messages/${id}/attachments/${attachmentId}` };
    },
  },
  {
    method: "GET",
    url: "/api/exchange/messages/:id/access-log",
    access: access({
      administrator: "allow",
      auditor: "allow",
      organiser: "scope",
      course_director: "scope",
      evaluator: "scope",
    }),
    request: async (ctx, scope) => ({
      url: `/api/exchange/messages/${(await message(ctx, scope)).id}/access-log`,
    }),
  },
];
