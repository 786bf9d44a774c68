import type { FastifyContextConfig, FastifyReply, FastifyRequest } from "fastify";
import type { Static, TSchema } from "typebox";
import { type Ctx, ctxOf } from "./request-context.js";
import type { RoutesPlugin } from "./type-provider.js";

type Part = TSchema | undefined;
type ValueOf<S extends Part> = S extends TSchema ? Static<S> : undefined;
type Responses = Record<number, TSchema>;
/**
 * A value as the reply serializer takes it: a `Date` where the schema has a string (it is sent as ISO 8601). A
 * string enum is checked as a string: most enum columns are typed `string` in the database schema (their check
 * constraints hold the values), so the shape, nullability and scalar types are what the compiler checks here.
 */
type Wire<T> = T extends string
  ? string | Date
  : T extends readonly (infer U)[]
    ? readonly Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;
/** What a handler must give back: the value of its 200 or 201 schema; anything for a 204 reply or other maps. */
type Answer<R extends Responses> = R extends { 200: infer S extends TSchema }
  ? Wire<Static<S>>
  : R extends { 201: infer S extends TSchema }
    ? Wire<Static<S>>
    : unknown;

/** A route's schema parts, as `schema` takes them (the tags come from its table). */
export interface RouteParts<P extends Part, Q extends Part, B extends Part, R extends Responses = Responses> {
  params?: P;
  query?: Q;
  body?: B;
  /**
   * `ok(X)`, `created(X)` (the route then answers 201 with the handler's result), a map with a 204 reply (the
   * route answers 204 without a body once the handler is done) or another reply map of its own.
   */
  response: R;
  config?: FastifyContextConfig;
}

/** What a table route's handler is given: the caller's context and the request's parts, typed from their schemas. */
export interface RouteInput<P extends Part, Q extends Part, B extends Part> {
  params: ValueOf<P>;
  query: ValueOf<Q>;
  body: ValueOf<B>;
}

export type RouteHandler<P extends Part, Q extends Part, B extends Part, R extends Responses = Responses> = (
  ctx: Ctx,
  input: RouteInput<P, Q, B>,
  request: FastifyRequest,
) => Answer<R> | Promise<Answer<R>>;

/** One method of a route table: `(url, summary?, parts, handler)`. */
export interface TableMethod {
  <
    P extends Part = undefined,
    Q extends Part = undefined,
    B extends Part = undefined,
    R extends Responses = Responses,
  >(
    url: string,
    summary: string,
    parts: RouteParts<P, Q, B, R>,
    handler: RouteHandler<P, Q, B, R>,
  ): void;
  <
    P extends Part = undefined,
    Q extends Part = undefined,
    B extends Part = undefined,
    R extends Responses = Responses,
  >(
    url: string,
    parts: RouteParts<P, Q, B, R>,
    handler: RouteHandler<P, Q, B, R>,
  ): void;
}

export interface RouteTable {
  /** The tags of the table's routes, for a route of the group that keeps the plain form. */
  readonly tags: string[];
  get: TableMethod;
  post: TableMethod;
  put: TableMethod;
  patch: TableMethod;
  delete: TableMethod;
}

type Method = Exclude<keyof RouteTable, "tags">;
type LooseParts = RouteParts<Part, Part, Part>;
type LooseInput = RouteInput<Part, Part, Part>;
type LooseHandler = (ctx: Ctx, input: LooseInput, request: FastifyRequest) => unknown;
type Shorthand = (
  url: string,
  options: { schema: Record<string, unknown>; config?: FastifyContextConfig },
  handler: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>,
) => unknown;

/**
 * Routes declared as a table (issue 17): one call a route, `table.post(url, summary, { params, body, response },
 * (ctx, { params, body }) => service.f(ctx, params.id, body))`, registered as `app.post(url, { schema: { tags,
 * summary, params, querystring, body, response } }, handler)` would be. The handler gets `ctxOf(request)` and the
 * request's params, query and body typed from their TypeBox schemas; a route whose response is `created(X)` answers
 * 201, one with a 204 reply answers 204 without a body. Routes that need the reply itself (files, streams,
 * redirects, headers, other codes), hooks or other schema keys keep the plain form, with `tags: table.tags`.
 */
export function routeTable(app: Parameters<RoutesPlugin>[0], tags: string[]): RouteTable {
  const register =
    (method: Method) =>
    (url: string, ...rest: [string, LooseParts, LooseHandler] | [LooseParts, LooseHandler]) => {
      const [summary, parts, handler] = rest.length === 3 ? rest : [undefined, ...rest];
      const { params, query, body, response, config } = parts;
      const schema = {
        tags,
        ...(summary === undefined ? {} : { summary }),
        ...(params ? { params } : {}),
        ...(query ? { querystring: query } : {}),
        ...(body ? { body } : {}),
        response,
      };
      const input = (request: FastifyRequest) =>
        ({ params: request.params, query: request.query, body: request.body }) as LooseInput;
      const run = (request: FastifyRequest) => handler(ctxOf(request), input(request), request);
      const shorthand = app[method].bind(app) as unknown as Shorthand;
      shorthand(
        url,
        config ? { schema, config } : { schema },
        201 in response
          ? async (request, reply) => reply.status(201).send(await run(request))
          : 204 in response
            ? async (request, reply) => {
                await run(request);
                return reply.status(204).send();
              }
            : async (request) => run(request),
      );
    };
  return {
    tags,
    get: register("get"),
    post: register("post"),
    put: register("put"),
    patch: register("patch"),
    delete: register("delete"),
  };
}
