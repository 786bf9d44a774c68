import { Type } from "typebox";
import { errorResponses, PageQuery, Uuid } from "../../platform/http/schemas.js";

/** Route helpers of the meetings module's plugins. */
export const FileReply = { 200: Type.Any({ description: "The file's bytes" }), ...errorResponses };
export const DecisionListQuery = Type.Object(
  { meetingId: Type.Optional(Uuid), ...PageQuery },
  { additionalProperties: false },
);
