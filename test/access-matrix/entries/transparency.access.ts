import { type AccessEntry, ADMINISTRATORS_AND_AUDITORS, access, PUBLIC } from "../matrix.js";

export const accessEntries: AccessEntry[] = [
  { method: "GET", url: "/api/transparency/sth", access: PUBLIC },
  {
    method: "GET",
    url: "/api/transparency/sth/:size",
    access: PUBLIC,
    request: async (ctx) => {
      const head = await ctx.admin.request("GET", "/api/transparency/sth");
      return { url: `/api/transparency/sth/${head.body.treeSize}` };
    },
  },
  { method: "GET", url: "/api/transparency/keys", access: PUBLIC },
  {
    method: "GET",
    url: "/api/transparency/consistency",
    access: PUBLIC,
    request: () => ({ url: "/api/transparency/consistency?first=1&second=2" }),
  },
  // The matrix's auditor is a global one; scoped auditors are tested in transparency.test.ts.
  {
    method: "GET",
    url: "/api/transparency/inclusion/:seq",
    access: ADMINISTRATORS_AND_AUDITORS,
    request: () => ({ url: "/api/transparency/inclusion/1" }),
  },
  // Anyone may send a head, but only of a log the instance is configured to trust (ACCORD_WITNESS_TRUST); the
  // matrix's instance trusts none, so every caller gets 404 (no such watched log). Trusted heads: transparency.test.ts.
  {
    method: "POST",
    url: "/api/transparency/witness",
    access: access({}),
    request: () => ({
      url: "/api/transparency/witness",
      body: {
        head: {
          origin: "https://untrusted.example",
          treeSize: 1,
          rootHash: "0".repeat(64),
          timestamp: "2026-01-01T00:00:00.000Z",
          keyId: "0".repeat(16),
          publicKey: "AAAA",
          signature: "AAAA",
        },
      },
    }),
  },
  { method: "GET", url: "/api/transparency/alarms", access: ADMINISTRATORS_AND_AUDITORS },
];
