export { ApiError, type BookingConflict, type FieldError, hasErrorCode, isApiError } from "./api-error";
export { changedFields, type FormWithDirty } from "./changed-fields";
export {
  api,
  apiRequest,
  apiStream,
  type QueryParams,
  type RequestOptions,
  setCsrfToken,
  toQueryString,
} from "./client";
export { fetchAll } from "./fetch-all";
export { applyServerErrors, fieldErrorsFromApi } from "./form-errors";
export { createQueryClient, SESSION_QUERY_KEY } from "./query-client";
export type { DeleteOutcome, ListQuery, Page, Ref, ReleasabilityLevel } from "./types";
export * from "./value-lists.gen";
