import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { isConnectionLoss } from "../../db/connection-errors.js";
import { AppError, type FieldError } from "../errors.js";

interface PgError {
  code: string;
  constraint?: string;
  detail?: string;
  column?: string;
  table?: string;
}

const isPgError = (error: unknown): error is PgError =>
  typeof error === "object" &&
  error !== null &&
  typeof (error as { code?: unknown }).code === "string" &&
  /^[0-9A-Z]{5}$/.test((error as { code: string }).code) &&
  "severity" in error;

const camel = (snake: string) => snake.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

/** "Key (code)=(AZE) already exists." → ["code"]; "Key (nation_id, kind)=..." → ["nationId", "kind"] */
function keyColumns(detail: string | undefined): string[] {
  const match = detail?.match(/^Key \((.+?)\)=\(/);
  if (!match?.[1]) return [];
  // Expression indexes name the expression: "lower(email)" is the email field.
  return match[1].split(",").map((column) => camel(column.trim().replace(/^[a-z_]+\(([a-z_]+)\)?$/, "$1")));
}

/** Postgres errors that bad input can cause, mapped to the client's fault; anything else stays a 500. */
export function fromPgError(error: PgError): AppError | undefined {
  const columns = keyColumns(error.detail);
  const fields = (message: string): FieldError[] =>
    columns.length > 0 ? columns.map((field) => ({ field: `body.${field}`, message })) : [];
  switch (error.code) {
    case "23505":
      return new AppError(
        "CONFLICT",
        columns.length
          ? `A record with this ${columns.join(" and ")} already exists`
          : "This record already exists",
        fields("already exists"),
      );
    case "23503":
      if (error.detail?.includes("is still referenced")) {
        return new AppError(
          "CONFLICT",
          "This record is still referenced by other records; archive it instead",
        );
      }
      return new AppError(
        "UNPROCESSABLE",
        columns.length
          ? `The referenced ${columns.join(", ")} does not exist`
          : "A referenced record does not exist",
        fields("does not exist"),
      );
    case "23P01":
      return new AppError(
        "CONFLICT",
        `This overlaps an existing record (${error.constraint ?? "exclusion"})`,
      );
    case "23514":
      return new AppError("UNPROCESSABLE", `The values break the rule ${error.constraint ?? "check"}`, [
        {
          field: `body.${constraintField(error.constraint)}`,
          message: `breaks the rule ${error.constraint}`,
        },
      ]);
    case "23502":
      return new AppError("VALIDATION_FAILED", `${camel(error.column ?? "a field")} is required`, [
        { field: `body.${camel(error.column ?? "")}`, message: "is required" },
      ]);
    case "22P02":
    case "22007":
    case "22008":
    case "22003":
    case "22001":
    case "22023":
    case "2201B":
    case "54000":
      return new AppError("VALIDATION_FAILED", "A value has the wrong form or is out of range");
    // Validation refuses such text first (text-check.ts); these remain for anything that reaches SQL another way.
    case "22021":
    case "22P05":
      return new AppError(
        "VALIDATION_FAILED",
        "A text value holds a character that cannot be stored (NUL or invalid Unicode)",
      );
    case "40001":
    case "40P01":
    case "55P03":
      return new AppError("UNAVAILABLE", "The database was busy with a conflicting change; try again", [], {
        "retry-after": "1",
      });
    default:
      return undefined;
  }
}

/** Check constraints are named `<table>_<column>_check` by default and by our migrations. */
function constraintField(constraint: string | undefined): string {
  if (!constraint) return "";
  const match = constraint.match(/^[a-z_]+?_([a-z_]+)_check$/);
  return camel(match?.[1] ?? constraint);
}

/** Fastify's names of the parts of a request, as fields are named in answers (`query.limit`, not `querystring`). */
const PARTS: Record<string, string> = { querystring: "query" };

function fromValidation(error: FastifyError): AppError {
  const context = error.validationContext ?? "body";
  const part = PARTS[context] ?? context;
  const fields: FieldError[] = (error.validation ?? []).map((issue) => {
    const params = issue.params as Record<string, unknown>;
    const path = (issue.instancePath ?? "")
      .split("/")
      .filter(Boolean)
      .map((segment) => segment.replace(/~1/g, "/").replace(/~0/g, "~"));
    if (typeof params.missingProperty === "string") path.push(params.missingProperty);
    if (typeof params.additionalProperty === "string") {
      path.push(params.additionalProperty);
      return { field: [part, ...path].join("."), message: "is not an accepted field" };
    }
    return { field: [part, ...path].join("."), message: issue.message ?? "is invalid" };
  });
  const first = fields[0];
  return new AppError(
    "VALIDATION_FAILED",
    first ? `${first.field} ${first.message}` : error.message || "The request is invalid",
    fields,
  );
}

/** Every error leaves the server through here: one shape, no stack traces, no SQL. */
export function toAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  // Before the SQLSTATE mapping: a terminated backend answers with its own SQLSTATE (57P01, 08006, ...).
  if (isConnectionLoss(error))
    return new AppError("UNAVAILABLE", "The database cannot be reached right now; try again shortly", [], {
      "retry-after": "2",
    });
  if (isPgError(error)) return fromPgError(error);
  const fastifyError = error as FastifyError;
  if (fastifyError?.validation) return fromValidation(fastifyError);
  switch (fastifyError?.code) {
    case "FST_ERR_CTP_INVALID_JSON_BODY":
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return new AppError("VALIDATION_FAILED", "The body is not valid JSON", [
        { field: "body", message: "is not valid JSON" },
      ]);
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return new AppError("PAYLOAD_TOO_LARGE", "The request body is too large");
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
    case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
      return new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the body as application/json");
    case "FST_ERR_CTP_INVALID_TYPE":
      return new AppError("UNSUPPORTED_MEDIA_TYPE", "The content type is not accepted");
    case "FST_INVALID_MULTIPART_CONTENT_TYPE":
      return new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the file as multipart/form-data");
    case "FST_REQ_FILE_TOO_LARGE":
    case "FST_FILES_LIMIT":
    case "FST_PARTS_LIMIT":
    case "FST_FIELDS_LIMIT":
      return new AppError("PAYLOAD_TOO_LARGE", "The upload is too large or has too many parts");
    case "FST_ERR_BAD_URL":
    case "FST_ERR_ASYNC_CONSTRAINT":
      return new AppError("VALIDATION_FAILED", "The URL is malformed");
  }
  const status = fastifyError?.statusCode;
  if (typeof status === "number" && status >= 400 && status < 500) {
    if (status === 413) return new AppError("PAYLOAD_TOO_LARGE", "The request body is too large");
    if (status === 415) return new AppError("UNSUPPORTED_MEDIA_TYPE", "The content type is not accepted");
    if (status === 429) return new AppError("RATE_LIMITED", "Too many requests; slow down");
    return new AppError("VALIDATION_FAILED", "The request is malformed");
  }
  return undefined;
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const appError = toAppError(error);
    if (!appError) {
      request.log.error({ err: error }, "unhandled error");
      return reply.status(500).send({
        code: "INTERNAL",
        message: "Something went wrong on the server; it has been logged",
        requestId: request.id,
      });
    }
    if (appError.code === "UNAVAILABLE")
      request.log.warn(
        { err: error },
        isConnectionLoss(error) ? "database unreachable" : "transient database conflict",
      );
    for (const [name, value] of Object.entries(appError.headers)) reply.header(name, value);
    return reply.status(appError.status).send({
      code: appError.code,
      message: appError.message,
      ...(appError.fields.length ? { fields: appError.fields } : {}),
      ...(appError.transition ? { transition: appError.transition } : {}),
      ...(appError.conflicts ? { conflicts: appError.conflicts } : {}),
      requestId: request.id,
    });
  });
}
