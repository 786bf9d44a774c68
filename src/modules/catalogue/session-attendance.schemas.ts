import { type Static, Type } from "typebox";
import { IsoDateTime, Nullable, Uuid } from "../../platform/http/schemas.js";

/** One accepted participant's recorded presence at one session. */
export const SessionAttendanceEntry = Type.Object({
  nominationId: Uuid,
  person: Type.Object({
    id: Uuid,
    givenName: Type.String(),
    familyName: Type.String(),
    rankTitle: Nullable(Type.String()),
  }),
  nation: Type.Object({ id: Uuid, code: Type.String(), nameEn: Type.String() }),
  present: Type.Boolean(),
  note: Nullable(Type.String()),
  recordedAt: IsoDateTime,
});

/**
 * The attendance recorded at each session of an event, as far as the caller may see the nominations: those who run
 * the event and global readers see every line, a nation's coordinators and auditors their nation's, a participant
 * their own.
 */
export const EventAttendance = Type.Object({
  canRecord: Type.Boolean({ description: "The caller runs the event and may record attendance" }),
  sessions: Type.Array(
    Type.Object({
      id: Uuid,
      title: Type.String(),
      startsAt: IsoDateTime,
      endsAt: IsoDateTime,
      present: Type.Integer({ description: "Lines shown that record the person present" }),
      absent: Type.Integer({ description: "Lines shown that record the person absent" }),
      entries: Type.Array(SessionAttendanceEntry),
    }),
  ),
});
export type EventAttendance = Static<typeof EventAttendance>;
