import { type AccessEntry, ADMINISTRATORS_AND_AUDITORS } from "../matrix.js";

export const accessEntries: AccessEntry[] = [
  { method: "GET", url: "/api/audit", access: ADMINISTRATORS_AND_AUDITORS },
  {
    method: "GET",
    url: "/api/audit/export.csv",
    access: ADMINISTRATORS_AND_AUDITORS,
    request: () => ({ url: "/api/audit/export.csv?from=2999-01-01T00:00:00Z" }),
  },
  { method: "GET", url: "/api/audit/verify", access: ADMINISTRATORS_AND_AUDITORS },
];
