export type ErrorCode =
  | "VALIDATION_FAILED"
  | "UNAUTHENTICATED"
  | "PASSWORD_CHANGE_REQUIRED"
  | "FORBIDDEN"
  | "CSRF_REJECTED"
  | "NOT_FOUND"
  | "CONFLICT"
  | "INVALID_STATE"
  | "ILLEGAL_TRANSITION"
  | "DOUBLE_BOOKING"
  | "UNPROCESSABLE"
  | "PAYLOAD_TOO_LARGE"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "RATE_LIMITED"
  | "LOCKED"
  | "UNAVAILABLE";

export const statusOf: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  PASSWORD_CHANGE_REQUIRED: 403,
  FORBIDDEN: 403,
  CSRF_REJECTED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_STATE: 409,
  ILLEGAL_TRANSITION: 409,
  DOUBLE_BOOKING: 409,
  UNPROCESSABLE: 422,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  LOCKED: 423,
  UNAVAILABLE: 503,
};

export interface FieldError {
  /** Dotted path of the offending field in the request, e.g. `body.code` or `query.limit`. */
  field: string;
  message: string;
}

/** The state change a record refused (ILLEGAL_TRANSITION): the field, the state it is in and the one asked for. */
export interface TransitionRefusal {
  field: string;
  current: string;
  requested: string;
}

/** A commitment a person already has over the dates asked for (DOUBLE_BOOKING); `title` null when not releasable. */
export interface BookingConflict {
  kind: string;
  recordType: "event" | "meeting" | "evaluation";
  id: string;
  title: string | null;
  startsOn: string;
  endsOn: string;
}

/** The one error type services throw; the error handler maps `code` to an HTTP status. */
export class AppError extends Error {
  /** Set on ILLEGAL_TRANSITION: sent in the body as `transition`. */
  transition?: TransitionRefusal;
  /** Set on DOUBLE_BOOKING: sent in the body as `conflicts`. */
  conflicts?: BookingConflict[];

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields: FieldError[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return statusOf[this.code];
  }
}

export const notFound = (what: string) => new AppError("NOT_FOUND", `${what} was not found`);
/** The record a lookup answered, or a 404 naming `what` when it answered none (hidden records read as absent). */
export function orNotFound<T>(record: T, what: string): NonNullable<T> {
  if (!record) throw notFound(what);
  return record;
}
export const forbidden = (message = "You are not allowed to do this") => new AppError("FORBIDDEN", message);
/** 403 naming the field whose value the caller may not give. */
export const forbiddenField = (field: string, message: string) =>
  new AppError("FORBIDDEN", message, [{ field, message: "not in your scope" }]);
export const unauthenticated = (message = "Sign in to continue") => new AppError("UNAUTHENTICATED", message);
export const conflict = (message: string, field?: string) =>
  new AppError("CONFLICT", message, field ? [{ field, message }] : []);
export const invalidState = (message: string) => new AppError("INVALID_STATE", message);
export const validation = (field: string, message: string) =>
  new AppError("VALIDATION_FAILED", `${field}: ${message}`, [{ field, message }]);
export const unprocessable = (field: string, message: string) =>
  new AppError("UNPROCESSABLE", `${field}: ${message}`, [{ field, message }]);

/** 409 DOUBLE_BOOKING: the person is already committed over these dates; the conflicts go in the body. */
export function doubleBooked(conflicts: BookingConflict[]) {
  const error = new AppError(
    "DOUBLE_BOOKING",
    `The person is already committed over these dates (${conflicts.length}); accept with override and a reason`,
    [{ field: "body.override", message: "overlaps another commitment" }],
  );
  error.conflicts = conflicts;
  return error;
}
