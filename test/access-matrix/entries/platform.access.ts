import { type AccessEntry, PUBLIC } from "../matrix.js";

/** Routes of the platform itself (health, API documentation, the web app): open to everyone by design. */
export const accessEntries: AccessEntry[] = [
  { method: "GET", url: "/healthz", access: PUBLIC },
  { method: "GET", url: "/readyz", access: PUBLIC },
  { method: "GET", url: "/api/openapi.json", access: PUBLIC },
  { method: "GET", url: "/api/docs", access: PUBLIC, allowStatuses: [302] },
  { method: "GET", url: "/api/docs/", access: PUBLIC, allowStatuses: [302], optional: true },
  { method: "GET", url: "/api/docs/static/index.html", access: PUBLIC, allowStatuses: [302] },
  { method: "GET", url: "/api/docs/static/swagger-initializer.js", access: PUBLIC },
  { method: "GET", url: "/api/docs/json", access: PUBLIC },
  { method: "GET", url: "/api/docs/yaml", access: PUBLIC },
  {
    method: "GET",
    url: "/api/docs/static/*",
    access: PUBLIC,
    request: () => ({ url: "/api/docs/static/swagger-ui.css" }),
  },
  // Present when the web app has been built (web/dist): the single-page app and its assets.
  { method: "GET", url: "/", access: PUBLIC, optional: true },
  { method: "GET", url: "/*", access: PUBLIC, optional: true, request: () => ({ url: "/index.html" }) },
];
