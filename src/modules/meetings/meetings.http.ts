import { Type } from "typebox";
import type { StoredFileContent } from "../../platform/files.js";
import type { Ctx } from "../../platform/http/request-context.js";
import type { RouteTable } from "../../platform/http/route-table.js";
import { ChildParams, errorResponses } from "../../platform/http/schemas.js";

/** Route helpers of the meetings module's plugins. */
const FileReply = { 200: Type.Any({ description: "The file's bytes" }), ...errorResponses };

/**
 * The download of a record's stored file (`…/:id/…/:fileKey`, the file named by the URL's last parameter). Every
 * read is audited: a write, which replicas refuse, so the route reads on the leader.
 */
export function auditedFileRoute(
  table: RouteTable,
  url: string,
  read: (ctx: Ctx, id: string, fileId: string) => Promise<StoredFileContent>,
  summary?: string,
) {
  const key = url.slice(url.lastIndexOf(":") + 1);
  table.file(
    url,
    { summary, params: ChildParams(key), response: FileReply, config: { readsLeader: true } },
    (ctx, { params }) => read(ctx, params.id as string, params[key] as string),
  );
}
