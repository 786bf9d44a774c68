import { type Static, Type } from "typebox";
import {
  IsoDate,
  IsoDateTime,
  Nullable,
  PageQuery,
  StrictObject,
  StringEnum,
  Uuid,
} from "../../platform/http/schemas.js";
import { PREFERENCE_KINDS } from "../notices/index.js";

export const Notification = Type.Object({
  id: Uuid,
  kind: Type.String(),
  title: Type.String(),
  body: Nullable(Type.String()),
  link: Nullable(Type.String()),
  recordType: Nullable(Type.String()),
  recordId: Nullable(Uuid),
  params: Type.Record(Type.String(), Type.Unknown()),
  readAt: Nullable(IsoDateTime),
  createdAt: IsoDateTime,
});
export const NotificationQuery = StrictObject({
  unread: Type.Optional(Type.Boolean()),
  kind: Type.Optional(Type.String({ maxLength: 100, description: "A kind, or a prefix ending in '.'" })),
  ...PageQuery,
});
export type NotificationQuery = Static<typeof NotificationQuery>;
export const NotificationPage = Type.Object({
  items: Type.Array(Notification),
  total: Type.Integer(),
  unread: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
});
export const ReadInput = StrictObject({
  ids: Type.Union([Type.Array(Uuid, { maxItems: 100 }), Type.Literal("all")]),
});
export const UnreadCount = Type.Object({ unread: Type.Integer() });

export const Delivery = StringEnum(["immediate", "digest", "in_app"] as const);
export const Preferences = Type.Object({
  email: Nullable(Type.String()),
  /** The address mail goes to: the account's own, else that of the linked person. */
  effectiveEmail: Nullable(Type.String()),
  language: Type.String(),
  kinds: Type.Array(Type.Object({ kind: Type.String(), delivery: Delivery })),
});
export const PreferencesInput = StrictObject({
  email: Type.Optional(Nullable(Type.String({ format: "email", maxLength: 254 }))),
  kinds: Type.Optional(
    Type.Array(
      StrictObject({
        kind: StringEnum(PREFERENCE_KINDS as unknown as readonly [string, ...string[]]),
        delivery: Delivery,
      }),
      { maxItems: 100 },
    ),
  ),
});
export type PreferencesInput = Static<typeof PreferencesInput>;

export const OutboxStatus = StringEnum(["pending", "sending", "sent", "failed"] as const);
export const OutboxItem = Type.Object({
  id: Uuid,
  kind: Type.String(),
  toAddress: Type.String(),
  language: Type.String(),
  status: OutboxStatus,
  attempts: Type.Integer(),
  nextAttemptAt: IsoDateTime,
  lastError: Nullable(Type.String()),
  subject: Nullable(Type.String()),
  createdAt: IsoDateTime,
  sentAt: Nullable(IsoDateTime),
});
export const OutboxQuery = StrictObject({ status: Type.Optional(OutboxStatus), ...PageQuery });
export type OutboxQuery = Static<typeof OutboxQuery>;
export const OutboxPage = Type.Object({
  items: Type.Array(OutboxItem),
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
  counts: Type.Record(Type.String(), Type.Integer()),
  catcher: Type.Boolean({ description: "true when mail goes to the local catcher (no SMTP_URL)" }),
});
export const CaughtItem = Type.Object({
  id: Type.Integer(),
  messageId: Type.String(),
  toAddress: Type.String(),
  subject: Type.String(),
  caughtAt: IsoDateTime,
});
export const CaughtPage = Type.Object({
  items: Type.Array(CaughtItem),
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
});
export const CaughtMessage = Type.Object({
  id: Type.Integer(),
  messageId: Type.String(),
  toAddress: Type.String(),
  subject: Type.String(),
  caughtAt: IsoDateTime,
  raw: Type.String(),
});
export const CaughtParams = StrictObject({ id: Type.Integer({ minimum: 1 }) });

export const ForgotInput = StrictObject({ email: Type.String({ minLength: 3, maxLength: 254 }) });
export const ResetInput = StrictObject({
  token: Type.String({ minLength: 20, maxLength: 200 }),
  password: Type.String({ maxLength: 200 }),
});
export const Accepted = Type.Object({ message: Type.String() });

const Section = <T extends ReturnType<typeof Type.Object>>(item: T, description: string) =>
  Type.Object(
    {
      total: Type.Integer({ description: "All of them (the items are the first few)" }),
      items: Type.Array(item),
    },
    { description },
  );
export const Attention = Type.Object({
  notices: Section(
    Type.Object({
      id: Uuid,
      kind: Type.String(),
      title: Type.String(),
      link: Nullable(Type.String()),
      createdAt: IsoDateTime,
    }),
    "Unread notices",
  ),
  actionItems: Section(
    Type.Object({
      id: Uuid,
      title: Type.String(),
      deadline: Nullable(IsoDate),
      meetingId: Uuid,
      overdue: Type.Boolean(),
    }),
    "Open action items assigned to a nation the viewer coordinates or an organisation they organise",
  ),
  nominations: Section(
    Type.Object({
      id: Uuid,
      eventId: Uuid,
      activityCode: Type.String(),
      startsOn: IsoDate,
      personName: Type.String(),
      nationCode: Type.String(),
    }),
    "Nominations waiting for the viewer's decision",
  ),
  evaluations: Section(
    Type.Object({
      id: Uuid,
      title: Type.String(),
      unitName: Type.String(),
      startsOn: IsoDate,
      endsOn: IsoDate,
      state: Type.String(),
      onTeam: Type.Boolean(),
    }),
    "Evaluations not yet over that the viewer is on the team of, or of units of a nation they coordinate",
  ),
  visits: Section(
    Type.Object({
      id: Uuid,
      title: Type.String(),
      startsOn: IsoDate,
      endsOn: IsoDate,
      city: Nullable(Type.String()),
    }),
    "Official visits of the viewer's nations or organisations in the next 60 days",
  ),
  certificates: Section(
    Type.Object({ id: Uuid, number: Type.String(), validUntil: Nullable(IsoDate) }),
    "The viewer's own certificates expiring within 90 days",
  ),
  messages: Section(
    Type.Object({ id: Uuid, subject: Type.String(), sentAt: IsoDateTime }),
    "Exchange messages to a nation the viewer coordinates or an organisation they organise, not yet acknowledged",
  ),
});
