import type { FastifyDynamicSwaggerOptions } from "@fastify/swagger";

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const VERBS: Record<string, string> = {
  GET: "Read",
  POST: "Send to",
  PUT: "Replace",
  PATCH: "Update",
  DELETE: "Delete",
};

const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** `GET /api/events/:id/nominations` → `getEventsByIdNominations`: unique, as method and path are. */
export function operationIdOf(method: string, url: string): string {
  const words = url
    .split(/[/\-_.]/)
    .filter((part) => part && part !== "api")
    .map((part) => (part.startsWith(":") ? `By${capitalise(part.slice(1))}` : capitalise(part)));
  return method.toLowerCase() + words.join("");
}

/** A summary from the route's shape, for the operations whose schema names none. */
export function summaryOf(method: string, url: string): string {
  const path = url.replace(/^\/api/, "").replace(/:(\w+)/g, "{$1}") || "/";
  const verb = method === "GET" && !url.endsWith("}") && !/:\w+$/.test(url) ? "List" : VERBS[method];
  return `${verb ?? method} ${path}`;
}

/**
 * The API document's frame: where it is served, how callers authenticate (the session cookie; on state-changing
 * requests with a session, the CSRF header too; anonymous calls are allowed and the policy decides), and a
 * stable operationId and a summary on every operation, so that generated clients have names to use.
 */
export function openApiOptions(sessionCookie: string): FastifyDynamicSwaggerOptions {
  return {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Accord API",
        version: "0.1.0",
        license: { name: "Proprietary", identifier: "LicenseRef-Accord-Proprietary" },
        description:
          "Multinational security and defence cooperation. Sign in with POST /api/auth/login; send the csrfToken " +
          "from GET /api/auth/session as the x-csrf-token header on every POST, PUT, PATCH and DELETE.",
      },
      servers: [{ url: "/", description: "This Accord instance" }],
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: sessionCookie },
          csrf: { type: "apiKey", in: "header", name: "x-csrf-token" },
        },
      },
      // The empty requirement: a call without a session is answered too, with what a visitor may see.
      security: [{ session: [] }, {}],
    },
    // Shared schemas keep their own name in the document (`ErrorResponse`), not `def-0`.
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => String(json.$id ?? `def-${i}`) },
    transform: ({ schema, url, route }) => {
      if (!schema || (schema as { hide?: boolean }).hide) return { schema, url };
      const method = (Array.isArray(route.method) ? route.method[0] : route.method) as string;
      const given = schema as { operationId?: string; summary?: string };
      const csrfExempt = (route.config as { csrfExempt?: boolean } | undefined)?.csrfExempt;
      return {
        url,
        schema: {
          ...schema,
          operationId: given.operationId ?? operationIdOf(method, url),
          summary: given.summary ?? summaryOf(method, url),
          ...(WRITE_METHODS.has(method) && !csrfExempt ? { security: [{ session: [], csrf: [] }, {}] } : {}),
        },
      };
    },
  };
}
