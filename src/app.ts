import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fastifyCookie from "@fastify/cookie";
import { SerializerSelector } from "@fastify/fast-json-stringify-compiler";
import fastifyHelmet from "@fastify/helmet";
import fastifyMultipart from "@fastify/multipart";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import { Ajv } from "ajv";
import addFormatsModule from "ajv-formats";
import Fastify, { type FastifyInstance, type FastifySchemaCompiler } from "fastify";
import type { Config } from "./config.js";
import type { Db } from "./db/database.js";
import { registerAuthHooks } from "./modules/identity/auth-hooks.js";
import { sessionCookieName } from "./modules/identity/sessions.js";
import { modules } from "./modules/index.js";
import { registerErrorHandler } from "./platform/http/error-handler.js";
import { healthRoutes } from "./platform/http/health.routes.js";
import { openApiOptions } from "./platform/http/openapi.js";
import type { AppDeps } from "./platform/http/request-context.js";
import { ErrorResponse } from "./platform/http/schemas.js";
import { findBadText } from "./platform/http/text-check.js";
import type { AccordTypeProvider } from "./platform/http/type-provider.js";

// ajv-formats is CommonJS; its default export arrives wrapped under some loaders.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as typeof addFormatsModule.default;

function validators() {
  const options = { allErrors: false, removeAdditional: false, useDefaults: true, strict: false } as const;
  // Bodies are JSON and must already have the right types; query strings and paths are text and are coerced.
  const body = new Ajv({ ...options, coerceTypes: false });
  const text = new Ajv({ ...options, coerceTypes: "array" });
  addFormats(body);
  addFormats(text);
  return { body, text };
}

/**
 * Cold start: Fastify compiles every route's validators and serializers (~300 routes, plus their HEAD twins) before
 * it listens, which took most of the start-up time. These wrappers compile a schema on its first use instead and
 * keep the compiled function; behaviour is unchanged (ajv keeps the last `errors` on the function, Fastify reads it).
 * A request that the schema accepts is then checked for text PostgreSQL and the exports cannot take (text-check.ts).
 */
type Validate = ReturnType<FastifySchemaCompiler<unknown>> & { errors?: unknown };
function lazyValidator(compile: () => Validate): Validate {
  let compiled: Validate | undefined;
  const validate: Validate = (data) => {
    compiled ??= compile();
    const result = compiled(data);
    validate.errors = compiled.errors;
    if (result !== true) return result;
    // Every string of the request, at any depth: no NUL, no other control character, no lone surrogate.
    const bad = findBadText(data);
    if (!bad) return result;
    validate.errors = [{ ...bad, keyword: "text", schemaPath: "#", params: {} }];
    return false;
  };
  return validate;
}

const defaultSerializers = SerializerSelector();
const lazySerializers: typeof defaultSerializers = (externalSchemas, options) => {
  const build = defaultSerializers(externalSchemas, options);
  return (route) => {
    let serialize: ((doc: unknown) => string) | undefined;
    return (doc: unknown) => {
      serialize ??= build(route);
      return serialize(doc);
    };
  };
};

const webRoot = fileURLToPath(new URL("../web/dist/", import.meta.url));
const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** The path of a URL decoded as the router decodes it, so `/%61pi/x` is seen as the API path it is. */
function decodedPath(url: string): string {
  const raw = url.split("?")[0] ?? "/";
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
const isApiPath = (path: string) => path === "/api" || path.startsWith("/api/");

export interface BuildOptions {
  config: Config;
  db: Db;
  /** Read-only requests' handle on the replicas (DATABASE_READ_URL), when there are replicas. */
  readDb?: Db | undefined;
  logger?: boolean | object;
  /** Called for every route as it is registered (the access matrix test enumerates routes with it). */
  onRoute?: (route: { method: string | string[]; url: string }) => void;
}

export async function buildApp({
  config,
  db,
  readDb,
  logger,
  onRoute,
}: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ?? { level: config.logLevel },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    requestIdHeader: false,
    genReqId: (request) => {
      const incoming = request.headers["x-request-id"];
      return typeof incoming === "string" && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    routerOptions: { maxParamLength: 200 },
    ajv: { customOptions: { removeAdditional: false } },
    schemaController: { compilersFactory: { buildSerializer: lazySerializers } },
  }).withTypeProvider<AccordTypeProvider>();

  if (onRoute) app.addHook("onRoute", (route) => onRoute({ method: route.method, url: route.url }));
  const ajv = validators();
  app.setValidatorCompiler(({ schema, httpPart }) =>
    lazyValidator(() => (httpPart === "body" ? ajv.body : ajv.text).compile(schema as object)),
  );

  const deps: AppDeps = { db, readDb, config };
  app.decorate("deps", deps);
  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
    // API answers and file downloads are never kept by a browser or proxy cache: they may be personal, and a
    // shared computer's cache outlives the session. A public answer that chose its own caching (a calendar feed)
    // keeps it; the web app's static assets are not under /api/ and keep theirs.
    if (isApiPath(request.routeOptions.url ?? decodedPath(request.url))) {
      if (request.session || !reply.hasHeader("cache-control")) reply.header("cache-control", "no-store");
    }
  });

  registerErrorHandler(app);
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, {
    limits: { fileSize: config.uploadLimitBytes, files: 1, fields: 10 },
  });
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", "data:"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: config.secureCookies ? [] : null,
      },
    },
    hsts: config.secureCookies,
    crossOriginEmbedderPolicy: false,
  });

  app.addSchema(ErrorResponse);
  await app.register(fastifySwagger, openApiOptions(sessionCookieName(config)));
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs", staticCSP: true });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  registerAuthHooks(app);
  await app.register(healthRoutes);
  for (const module of modules) await app.register(module);

  const hasWeb = existsSync(`${webRoot}index.html`);
  if (hasWeb) {
    // Vite names every file under assets/ by its content hash: browsers may keep them for a year without asking.
    // index.html and the other root files are revalidated, so a new release is picked up on the next visit. The
    // brotli and gzip twins are written at build time (scripts/compress-web.mjs).
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      index: ["index.html"],
      preCompressed: true,
      cacheControl: false,
      setHeaders: (res, filePath) => {
        const immutable = filePath.startsWith(`${webRoot}assets/`);
        res.setHeader("cache-control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = decodedPath(request.url);
    if (hasWeb && request.method === "GET" && !path.startsWith("/api/") && !path.includes(".")) {
      return reply.type("text/html").sendFile("index.html");
    }
    return reply.status(404).send({
      code: "NOT_FOUND",
      message: `No route ${request.method} ${path}`,
      requestId: request.id,
    });
  });

  return app;
}
