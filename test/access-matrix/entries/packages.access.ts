import { exportPackage } from "../../../src/modules/packages/packages.service.js";
import { type AccessEntry, ADMINISTRATORS, type MatrixContext } from "../matrix.js";

/** The in-scope nation's package, written as the system would, sent as a multipart upload. */
async function packageUpload(ctx: MatrixContext) {
  const { archive } = await exportPackage(
    {
      db: ctx.db,
      viewer: {
        userId: null,
        username: "matrix",
        personId: null,
        personNationId: null,
        grants: [{ role: "administrator", nationId: null, organisationId: null }],
        nationIds: [],
        organisationIds: [],
        managedOrganisationIds: [],
        mustChangePassword: false,
      },
      requestId: null,
      config: {} as never,
    },
    "AZE",
  );
  const boundary = "----matrixpackage";
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="aze.tar.gz"\r\nContent-Type: application/gzip\r\n\r\n`,
    ),
    archive,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

/**
 * A package holds everything releasable to a nation and loads records in any nation's name: administrators only.
 * The administrator's load is of the instance's own records, so it creates nothing (and re-loading is idempotent).
 */
export const accessEntries: AccessEntry[] = [
  {
    method: "GET",
    url: "/api/packages/:nation",
    access: ADMINISTRATORS,
    request: async () => ({ url: "/api/packages/AZE" }),
  },
  {
    method: "POST",
    url: "/api/packages/import",
    access: ADMINISTRATORS,
    request: async (ctx) => ({ url: "/api/packages/import", ...(await packageUpload(ctx)) }),
  },
];
