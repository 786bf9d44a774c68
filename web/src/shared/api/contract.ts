import type { operations } from "./schema.gen";

/**
 * Types of the API as the server declares them, by operationId (see `npm run generate:api`): a page's types follow
 * the server's schemas instead of a hand-written copy that can drift.
 */
export type OperationId = keyof operations;

type JsonOf<T> = T extends { content: { "application/json": infer Body } } ? Body : never;

/** The JSON answer of an operation (its 200, else its 201). */
export type ResponseOf<O extends OperationId> = operations[O]["responses"] extends infer R
  ? R extends { 200: infer Ok }
    ? JsonOf<Ok>
    : R extends { 201: infer Created }
      ? JsonOf<Created>
      : never
  : never;

/** The JSON body an operation takes. */
export type BodyOf<O extends OperationId> = operations[O] extends { requestBody?: infer Body }
  ? JsonOf<NonNullable<Body>>
  : never;

/** The query parameters an operation takes. */
export type QueryOf<O extends OperationId> = NonNullable<operations[O]["parameters"]["query"]>;

/**
 * A list's query as a page keeps it in its address: the server's parameter names (a misspelt or removed one fails
 * the type check), each value as the address will carry it (text, a number or a flag); the server validates and
 * converts the values.
 */
export type ListParamsOf<O extends OperationId> = { [K in keyof QueryOf<O>]?: string | number | boolean };
