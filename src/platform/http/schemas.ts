import { type Static, type TObject, type TProperties, type TSchema, Type } from "typebox";

/** One of a fixed list of strings, typed as the union of its values. */
export const StringEnum = <const T extends readonly string[]>(values: T, description?: string) =>
  Type.Enum<[...T]>(values, description ? { description } : {});

/** The states a record may move to next, from its transition table (platform/transitions.ts). */
export const NextStates = <const T extends readonly string[]>(states: T) =>
  Type.Array(StringEnum(states), {
    description: "The states the record may move to next (docs/life-cycles.md)",
  });

export const Uuid = Type.String({ format: "uuid", description: "Identifier (UUID)" });
export const IsoDate = Type.String({ format: "date", description: "Calendar date, YYYY-MM-DD" });
export const IsoDateTime = Type.String({ format: "date-time" });
/** Free text with sane bounds: never empty, never unbounded. */
export const Text = (maxLength = 200, extra: Record<string, unknown> = {}) =>
  Type.String({ minLength: 1, maxLength, pattern: "\\S", ...extra });
export const LongText = (maxLength = 20_000) => Type.String({ maxLength });
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** An object that names every property it accepts: any other is refused (the shape of every request body and query). */
export const StrictObject = <T extends TProperties>(properties: T): TObject<T> =>
  Type.Object(properties, { additionalProperties: false });

/**
 * The patch of a record: any of the object's properties, every one optional, none other; at least one, since an
 * empty patch would be an UPDATE without a SET.
 */
export const StrictPatch = <T extends TObject>(schema: T) =>
  Type.Partial(schema, { additionalProperties: false, minProperties: 1 });

export const IdParams = StrictObject({ id: Uuid });
export type IdParams = Static<typeof IdParams>;
/** The params of a child record's route (`/api/x/:id/y/:yId`), typed with the child's name. */
export const ChildParams = <N extends string>(name: N) =>
  Type.Object({ id: Uuid, [name]: Uuid } as { id: typeof Uuid } & Record<N, typeof Uuid>, {
    additionalProperties: false,
  });

export const MAX_PAGE_SIZE = 100;
export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 25 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
};
/** The query of a list that takes nothing but the page. */
export const PageOnlyQuery = StrictObject({ ...PageQuery });

export const Page = <T extends TSchema>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    total: Type.Integer({ description: "Matching records the caller may see" }),
    limit: Type.Integer(),
    offset: Type.Integer(),
  });

/** A commitment of a person over some dates (`accord_person_commitments`); title null when not releasable. */
export const BookingConflict = Type.Object({
  kind: Type.String({
    description: "The activity's kind (course, exercise, meeting, ...), meeting or evaluation_team",
  }),
  recordType: Type.Union([Type.Literal("event"), Type.Literal("meeting"), Type.Literal("evaluation")]),
  id: Uuid,
  title: Nullable(Type.String()),
  startsOn: IsoDate,
  endsOn: IsoDate,
});

/**
 * Double booking (issue 22, item 4): `overrideFields` of a request that accepts a person (override, with a reason),
 * and `record`, the acceptance made over a double booking as the accepted record shows it.
 */
const BookingOverrideFields = {
  override: Type.Optional(
    Type.Boolean({ description: "Accept although the person is committed elsewhere over these dates" }),
  ),
  overrideReason: Type.Optional(
    Text(2000, { description: "Required with override: why the double booking" }),
  ),
};

export const DoubleBooking = {
  overrideFields: BookingOverrideFields,
  record: Nullable(Type.Object({ reason: Type.String(), conflicts: Type.Array(BookingConflict) })),
};

export const ErrorResponse = Type.Object(
  {
    code: Type.String(),
    message: Type.String(),
    fields: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
    transition: Type.Optional(
      Type.Object(
        { field: Type.String(), current: Type.String(), requested: Type.String() },
        {
          description:
            "On ILLEGAL_TRANSITION: the state field, the record's current state and the one requested",
        },
      ),
    ),
    conflicts: Type.Optional(
      Type.Array(BookingConflict, {
        description: "On DOUBLE_BOOKING: the person's commitments that overlap the dates asked for",
      }),
    ),
    requestId: Type.String(),
  },
  { $id: "ErrorResponse", description: "Every 4xx and 5xx reply has this shape" },
);

export const Releasability = Type.Union(
  [Type.Literal("public"), Type.Literal("internal"), Type.Literal("restricted")],
  {
    description:
      "public: anyone, even signed out; internal: every signed-in user; restricted: the owner and the named nations and organisations",
  },
);
export type Releasability = Static<typeof Releasability>;

/**
 * Releasability without ownership, as written by clients: for records whose owner follows from the record itself
 * (e.g. the nation it belongs to), so a client names only who else may read it.
 */
export const ReleaseListInput = {
  releasability: Type.Optional(Releasability),
  releaseNationIds: Type.Optional(Type.Array(Uuid, { maxItems: 100, uniqueItems: true })),
  releaseOrganisationIds: Type.Optional(Type.Array(Uuid, { maxItems: 100, uniqueItems: true })),
};

/** Ownership and releasability, as written by clients. */
export const ReleaseInput = {
  ownerNationId: Type.Optional(Nullable(Uuid)),
  ownerOrganisationId: Type.Optional(Nullable(Uuid)),
  ...ReleaseListInput,
};

/** Ownership and releasability, as read back. */
export const ReleaseOutput = {
  ownerNationId: Nullable(Uuid),
  ownerOrganisationId: Nullable(Uuid),
  releasability: Releasability,
  releaseNationIds: Type.Array(Uuid),
  releaseOrganisationIds: Type.Array(Uuid),
};

/** A stored file sent as it was uploaded, under its own content type. */
export const StoredFile = Type.String({ description: "The file's bytes, under its stored content type" });

/** A reference to the one error shape (registered by the app), so the API document defines it once. */
const ErrorReply = Type.Unsafe<Static<typeof ErrorResponse>>({ $ref: "ErrorResponse#" });

export const errorResponses = {
  400: ErrorReply,
  401: ErrorReply,
  403: ErrorReply,
  404: ErrorReply,
  409: ErrorReply,
  422: ErrorReply,
};

/**
 * A route's `response`: its one success reply beside the shared error replies. Nearly every route answers so;
 * written once here instead of `{ 200: X, ...errorResponses }` in each of them.
 */
export const ok = <T extends TSchema>(schema: T) => ({ 200: schema, ...errorResponses });
/** The same for a route that creates a record (201). */
export const created = <T extends TSchema>(schema: T) => ({ 201: schema, ...errorResponses });
/** The same for a route that answers 204 without a body once it is done (a delete, say). */
export const noContent = { 204: Type.Null(), ...errorResponses };

/** The reply of every list endpoint. */
export function paged<T>(query: { limit?: number; offset?: number }, result: { items: T[]; total: number }) {
  return { items: result.items, total: result.total, limit: query.limit ?? 25, offset: query.offset ?? 0 };
}
