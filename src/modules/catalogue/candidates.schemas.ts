import { type Static, Type } from "typebox";
import { IsoDate, Nullable, PageQuery, StrictObject, StringEnum, Uuid } from "../../platform/http/schemas.js";

export const CandidateQuery = StrictObject({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  nationId: Type.Optional(Uuid),
  ...PageQuery,
});
export type CandidateQuery = Static<typeof CandidateQuery>;

/** A person the caller may nominate for the event, with what already stands for them. */
export const Candidate = Type.Object({
  id: Uuid,
  givenName: Type.String(),
  familyName: Type.String(),
  rankTitle: Nullable(Type.String()),
  nation: Type.Object({ id: Uuid, code: Type.String() }),
  nomination: Nullable(
    Type.Object({
      id: Uuid,
      status: StringEnum([
        "nominated",
        "accepted",
        "waitlisted",
        "declined",
        "withdrawn",
        "cancelled",
      ] as const),
    }),
  ),
  certified: Type.Boolean({
    description:
      "Holds a live certificate (not revoked, not expired) of the qualification the event's course awards",
  }),
  certifiedUntil: Nullable(IsoDate),
});
export type Candidate = Static<typeof Candidate>;
