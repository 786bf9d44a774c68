import type { FastifyContextConfig, FastifyReply, FastifyRequest } from "fastify";
import type { Static, TSchema } from "typebox";
import type { StoredFileContent } from "../files.js";
import { sendExport, sendFile } from "./files.js";
import { type Ctx, ctxOf } from "./request-context.js";
import { ChildParams, IdParams } from "./schemas.js";
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

/** The schema parts of a child collection's route: the body it takes, if any, and its reply. */
interface ChildParts<B extends Part, R extends Responses> {
  body: B;
  response: R;
}
type ChildRun<Args extends unknown[], R extends Responses> = (
  ctx: Ctx,
  ...args: Args
) => Answer<R> | Promise<Answer<R>>;
/**
 * The arguments of a route of a table's records or child collections: its summary, if it has one (as the general
 * form takes it), then its schema parts and the service function that handles it.
 */
type Described<Parts, Run> = [summary: string, parts: Parts, run: Run] | [parts: Parts, run: Run];

/**
 * The routes of a child collection of a table's records (`/api/exercises/:id/participants`): `add` is the POST on
 * the collection, `update` the PATCH and `remove` the DELETE of one child (`…/:participantId`). Each is handled by
 * the service function given, called as such functions are written: the context, the parent's id, the child's id
 * where the URL has one, and the body where the route takes one.
 */
export interface ChildRoutes {
  add<B extends TSchema, R extends Responses>(
    ...route: Described<ChildParts<B, R>, ChildRun<[id: string, body: Static<B>], R>>
  ): void;
  update<B extends TSchema, R extends Responses>(
    ...route: Described<ChildParts<B, R>, ChildRun<[id: string, childId: string, body: Static<B>], R>>
  ): void;
  remove<R extends Responses>(
    ...route: Described<Omit<ChildParts<undefined, R>, "body">, ChildRun<[id: string, childId: string], R>>
  ): void;
}

/** A file made for one request (a CSV or XLSX export), as `sendExport` sends it. */
export interface ExportedFile {
  contentType: string;
  filename: string;
  data: Buffer;
}

/** The schema parts of a route that answers a file, with its summary if it has one. */
export interface FileParts<P extends Part, Q extends Part> {
  summary?: string;
  params?: P;
  query?: Q;
  /** The media types of a file made for the request (`text/csv`, ...), as the API document declares them. */
  produces?: string[];
  /** The reply that declares the file, beside the error replies. */
  response: Responses;
  config?: FastifyContextConfig;
}
type FileRead<P extends Part, Q extends Part, F> = (
  ctx: Ctx,
  input: RouteInput<P, Q, undefined>,
) => Promise<F>;

/** The schema parts of a record route that reads: its query, if any, and its reply. */
interface ReadParts<Q extends Part, R extends Responses> {
  query?: Q;
  response: R;
  config?: FastifyContextConfig;
}
/** The schema parts of a record route that writes: its body, if any, and its reply. */
interface WriteParts<B extends Part, R extends Responses> {
  body?: B;
  response: R;
  config?: FastifyContextConfig;
}
type RecordRun<Args extends unknown[], R extends Responses> = ChildRun<Args, R>;

/**
 * The parts of a record route on `url/:id/<path>`: its summary, if it has one, stays with them (a summary before
 * them would stand beside the path, two strings in a row that are easily swapped).
 */
type PathParts<Parts> = Parts & { summary?: string };
/** A POST or PUT on `url/:id/<path>`, handled by the service function given the record's id and the body. */
type PathWrite = <B extends Part, R extends Responses>(
  path: string,
  parts: PathParts<WriteParts<B, R>>,
  run: RecordRun<[id: string, body: ValueOf<B>], R>,
) => void;

/**
 * The routes of a table's records at `url` (`/api/activities`), each handled by the service function given, called
 * as such functions are written: the context, the record's id where the URL has one (`:id`), then the query or the
 * body the route takes. `list` and `create` are the GET and POST on the collection; `get`, `update` and `remove` the
 * GET, PATCH and DELETE of one record, each with its summary, if it has one, before its parts, as in the general
 * form; `read`, `post` and `put` a GET, POST and PUT on `url/:id/<path>`.
 */
export interface RecordRoutes {
  list<Q extends Part, R extends Responses>(
    ...route: Described<ReadParts<Q, R>, RecordRun<[query: ValueOf<Q>], R>>
  ): void;
  create<B extends TSchema, R extends Responses>(
    ...route: Described<WriteParts<B, R> & { body: B }, RecordRun<[body: Static<B>], R>>
  ): void;
  get<Q extends Part, R extends Responses>(
    ...route: Described<ReadParts<Q, R>, RecordRun<[id: string, query: ValueOf<Q>], R>>
  ): void;
  update<B extends TSchema, R extends Responses>(
    ...route: Described<WriteParts<B, R> & { body: B }, RecordRun<[id: string, body: Static<B>], R>>
  ): void;
  remove<R extends Responses>(
    ...route: Described<WriteParts<undefined, R>, RecordRun<[id: string], R>>
  ): void;
  read<Q extends Part, R extends Responses>(
    path: string,
    parts: PathParts<ReadParts<Q, R>>,
    run: RecordRun<[id: string, query: ValueOf<Q>], R>,
  ): void;
  post: PathWrite;
  put: PathWrite;
}

export interface RouteTable {
  /** The tags of the table's routes, for a route of the group that keeps the plain form. */
  readonly tags: string[];
  get: TableMethod;
  post: TableMethod;
  put: TableMethod;
  patch: TableMethod;
  delete: TableMethod;
  /** A child collection at `url`, its children named by the URL parameter `key`. */
  children(url: string, key: string): ChildRoutes;
  /** The records at `url`, one record at `url/:id`. */
  records(url: string): RecordRoutes;
  /** A GET that answers a stored file as it was uploaded (`sendFile`), once `read` has checked access. */
  file<P extends Part = undefined, Q extends Part = undefined>(
    url: string,
    parts: FileParts<P, Q>,
    read: FileRead<P, Q, StoredFileContent>,
  ): void;
  /** A GET that answers the file `make` builds for the request (`sendExport`: never kept by a cache). */
  export<P extends Part = undefined, Q extends Part = undefined>(
    url: string,
    parts: FileParts<P, Q>,
    make: FileRead<P, Q, ExportedFile>,
  ): void;
}

type Method = "get" | "post" | "put" | "patch" | "delete";
type LooseParts = RouteParts<Part, Part, Part>;
type LooseInput = RouteInput<Part, Part, Part>;
type LooseHandler = (ctx: Ctx, input: LooseInput, request: FastifyRequest) => unknown;
type LooseFileParts = FileParts<Part, Part>;
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
 * 201, one with a 204 reply answers 204 without a body. A record's child collections (`children`), stored files
 * (`file`) and files made for the request (`export`) have their own forms. Routes that need the reply itself
 * (streams, redirects, headers, other codes), hooks or other schema keys keep the plain form, with
 * `tags: table.tags`.
 */
export function routeTable(app: Parameters<RoutesPlugin>[0], tags: string[]): RouteTable {
  const mount = (
    method: Method,
    url: string,
    summary: string | undefined,
    parts: LooseParts & { produces?: string[] },
    handler: Parameters<Shorthand>[2],
  ) => {
    const { params, query, body, produces, response, config } = parts;
    const schema = {
      tags,
      ...(summary === undefined ? {} : { summary }),
      ...(params ? { params } : {}),
      ...(query ? { querystring: query } : {}),
      ...(body ? { body } : {}),
      ...(produces ? { produces } : {}),
      response,
    };
    const shorthand = app[method].bind(app) as unknown as Shorthand;
    shorthand(url, config ? { schema, config } : { schema }, handler);
  };
  const input = (request: FastifyRequest) =>
    ({ params: request.params, query: request.query, body: request.body }) as LooseInput;
  const register =
    (method: Method) =>
    (url: string, ...rest: [string | undefined, LooseParts, LooseHandler] | [LooseParts, LooseHandler]) => {
      const [summary, parts, handler] = rest.length === 3 ? rest : [undefined, ...rest];
      const { response } = parts;
      const run = (request: FastifyRequest) => handler(ctxOf(request), input(request), request);
      mount(
        method,
        url,
        summary,
        parts,
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
  /** A route's summary (`undefined` where it has none), parts and service function, from its arguments. */
  const unpack = <Parts, Run>(route: Described<Parts, Run>) =>
    route.length === 3 ? route : ([undefined, ...route] as const);
  const children = (url: string, key: string): ChildRoutes => {
    const item = `${url}/:${key}`;
    const params = ChildParams(key);
    const ids = (input: LooseInput) => {
      const values = input.params as Record<string, string>;
      return [values.id as string, values[key] as string] as const;
    };
    return {
      add: (...route) => {
        const [summary, { body, response }, run] = unpack(route);
        register("post")(url, summary, { params: IdParams, body, response }, (ctx, input) =>
          run(ctx, ids(input)[0], input.body as never),
        );
      },
      update: (...route) => {
        const [summary, { body, response }, run] = unpack(route);
        register("patch")(item, summary, { params, body, response }, (ctx, input) =>
          run(ctx, ...ids(input), input.body as never),
        );
      },
      remove: (...route) => {
        const [summary, { response }, run] = unpack(route);
        register("delete")(item, summary, { params, response }, (ctx, input) => run(ctx, ...ids(input)));
      },
    };
  };
  const records = (url: string): RecordRoutes => {
    const one = (path?: string) => (path === undefined ? `${url}/:id` : `${url}/:id/${path}`);
    const id = (input: LooseInput) => (input.params as IdParams).id;
    type Loose = ReadParts<Part, Responses> & WriteParts<Part, Responses>;
    type LooseRun = (ctx: Ctx, ...args: never[]) => unknown;
    const route =
      (method: Method, taken: "query" | "body", withId: boolean) =>
      (at: string, summary: string | undefined, parts: Loose, run: LooseRun) =>
        register(method)(at, summary, { ...(withId ? { params: IdParams } : {}), ...parts }, (ctx, input) => {
          // Fastify gives `{}` for a query the route declares no schema for; the service's type says `undefined`.
          const taking = parts[taken] === undefined ? undefined : input[taken];
          return (run as (ctx: Ctx, ...args: unknown[]) => unknown)(
            ctx,
            ...(withId ? [id(input), taking] : [taking]),
          );
        });
    /** A route on `url` or `url/:id`: its summary, if any, comes before its parts. */
    const described =
      (method: Method, taken: "query" | "body", withId: boolean) =>
      (...args: Described<Loose, LooseRun>) => {
        const [summary, parts, run] = unpack(args);
        route(method, taken, withId)(withId ? one() : url, summary, parts, run);
      };
    /** A route on `url/:id/<path>`: its summary, if any, stays in its parts. */
    const onPath =
      (method: Method, taken: "query" | "body") =>
      (path: string, { summary, ...parts }: PathParts<Loose>, run: LooseRun) =>
        route(method, taken, true)(one(path), summary, parts, run);
    return {
      list: described("get", "query", false),
      create: described("post", "body", false),
      get: described("get", "query", true),
      update: described("patch", "body", true),
      remove: described("delete", "body", true),
      read: onPath("get", "query"),
      post: onPath("post", "body"),
      put: onPath("put", "body"),
    };
  };
  const fileRoute = <F>(
    url: string,
    { summary, ...parts }: LooseFileParts,
    read: FileRead<Part, Part, F>,
    send: (reply: FastifyReply, file: F) => FastifyReply,
  ) =>
    mount("get", url, summary, parts, async (request, reply) =>
      send(reply, await read(ctxOf(request), { ...input(request), body: undefined })),
    );
  return {
    tags,
    get: register("get"),
    post: register("post"),
    put: register("put"),
    patch: register("patch"),
    delete: register("delete"),
    children,
    records,
    file: (url, parts, read) =>
      fileRoute(url, parts, read as FileRead<Part, Part, StoredFileContent>, sendFile),
    export: (url, parts, make) =>
      fileRoute(url, parts, make as FileRead<Part, Part, ExportedFile>, (reply, file) =>
        sendExport(reply, file, file.data),
      ),
  };
}
