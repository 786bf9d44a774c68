import { ApiError, type BookingConflict, type FieldError } from "./api-error";

/** The CSRF token of the current session; the session query and login keep it current. */
let csrfToken: string | null = null;

export const setCsrfToken = (token: string | null): void => {
  csrfToken = token;
};

type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[];
/** Any plain object of query values; typed filter interfaces fit without an index signature. */
export type QueryParams = object;

/** Builds `?a=1&b=2`, leaving out empty values; arrays repeat the key. */
export function toQueryString(params: QueryParams = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params) as [string, QueryValue][]) {
    if (value === undefined || value === null || value === "") continue;
    if (Array.isArray(value)) {
      for (const item of value) search.append(key, String(item));
    } else {
      search.set(key, String(value));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

export interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  /** A multipart body (file uploads): sent as is, the browser sets its content type and boundary. */
  form?: FormData;
  query?: QueryParams;
  signal?: AbortSignal;
  /** Internal: set on the one retry after a CSRF rejection. */
  csrfRetried?: boolean;
}

async function refreshCsrfToken(): Promise<boolean> {
  try {
    const response = await fetch("/api/auth/session", {
      credentials: "same-origin",
      headers: { accept: "application/json" },
    });
    if (!response.ok) return false;
    const session = (await response.json()) as { csrfToken?: string | null };
    if (!session.csrfToken || session.csrfToken === csrfToken) return false;
    csrfToken = session.csrfToken;
    return true;
  } catch {
    return false;
  }
}

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

async function parseError(response: Response): Promise<ApiError> {
  let payload: {
    code?: unknown;
    message?: unknown;
    fields?: unknown;
    requestId?: unknown;
    conflicts?: unknown;
  } = {};
  try {
    payload = await response.json();
  } catch {
    // Not JSON (a proxy error page, for instance): fall back to the status line.
  }
  const fields = Array.isArray(payload.fields)
    ? (payload.fields as FieldError[]).filter((f) => typeof f?.field === "string")
    : [];
  return new ApiError(
    response.status,
    typeof payload.code === "string" ? payload.code : `HTTP_${response.status}`,
    typeof payload.message === "string" ? payload.message : response.statusText || `HTTP ${response.status}`,
    fields,
    typeof payload.requestId === "string" ? payload.requestId : response.headers.get("x-request-id"),
    Array.isArray(payload.conflicts) ? (payload.conflicts as BookingConflict[]) : [],
  );
}

/**
 * Sends one request: same-origin cookies, the CSRF header on unsafe methods, a JSON body as JSON and a form as
 * multipart. Answers the 2xx response; throws ApiError on any other answer (and ApiError with status 0 when
 * offline). A stale CSRF token (a new session in another tab) is fetched again and the request tried once more.
 */
async function send(
  path: string,
  options: RequestOptions,
  method: string,
  accept: string,
): Promise<Response> {
  const headers: Record<string, string> = { accept };
  if (options.body !== undefined && !options.form) headers["content-type"] = "application/json";
  if (UNSAFE.has(method) && csrfToken) headers["x-csrf-token"] = csrfToken;

  let response: Response;
  try {
    response = await fetch(`${path}${toQueryString(options.query)}`, {
      method,
      headers,
      credentials: "same-origin",
      body: options.form ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(0, "NETWORK_ERROR", "The server could not be reached");
  }
  if (response.ok) return response;
  const error = await parseError(response);
  if (error.code === "CSRF_REJECTED" && !options.csrfRetried && (await refreshCsrfToken())) {
    return send(path, { ...options, csrfRetried: true }, method, accept);
  }
  throw error;
}

/**
 * The one way the web app calls the API: JSON in and out, same-origin cookies, the CSRF header on
 * unsafe methods. Throws ApiError on any non-2xx answer (and ApiError with status 0 when offline).
 */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options, options.method ?? "GET", "application/json");
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/**
 * A request whose answer is a stream of JSON lines (application/x-ndjson): each line is handed to `onLine` as it
 * arrives. An answer that is not 2xx throws ApiError as `apiRequest` does (with the same CSRF retry).
 */
export async function apiStream(
  path: string,
  options: RequestOptions,
  onLine: (line: unknown) => void,
): Promise<void> {
  const response = await send(path, options, options.method ?? "POST", "application/x-ndjson");
  if (!response.body) throw new ApiError(0, "NETWORK_ERROR", "The server's answer had no body");
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let pending = "";
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    pending += chunk.value;
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) if (line.trim()) onLine(JSON.parse(line));
  }
  if (pending.trim()) onLine(JSON.parse(pending));
}

export const api = {
  get: <T>(path: string, query?: QueryParams, signal?: AbortSignal) => apiRequest<T>(path, { query, signal }),
  post: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: "POST", body: body ?? {} }),
  put: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: "PUT", body: body ?? {} }),
  patch: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: "PATCH", body: body ?? {} }),
  delete: <T>(path: string) => apiRequest<T>(path, { method: "DELETE" }),
  /** Posts one file as multipart/form-data in the field `file`. */
  upload: <T>(path: string, file: File) => {
    const form = new FormData();
    form.append("file", file);
    return apiRequest<T>(path, { method: "POST", form });
  },
};
