import type { components } from "./schema.gen";

export interface FieldError {
  /** Dotted path of the field in the request, as the server names it, e.g. `body.code`. */
  field: string;
  message: string;
}

/** On DOUBLE_BOOKING: a commitment of the person over the dates asked for (title null when not releasable). */
export type BookingConflict = NonNullable<components["schemas"]["ErrorResponse"]["conflicts"]>[number];

/** Any non-2xx answer of the API. `code` is the server's stable error code (NOT_FOUND, CONFLICT, ...). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
    readonly requestId: string | null = null,
    readonly conflicts: BookingConflict[] = [],
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

/** True for an ApiError with one of the given codes. */
export const hasErrorCode = (error: unknown, ...codes: string[]): boolean =>
  isApiError(error) && codes.includes(error.code);
