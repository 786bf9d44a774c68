import type { BodyOf, ListParamsOf, ResponseOf } from "../../shared/api/contract";

/**
 * Meetings, decisions and action items as the server declares them (generated from the API document), with the
 * value lists that selects offer (generated from the server's own constants).
 */
export { ACTION_ITEM_STATUSES, SERIES_KINDS } from "../../shared/api";

export type MeetingSeries = ResponseOf<"getMeetingSeriesById">;
export type MeetingSummary = ResponseOf<"getMeetings">["items"][number];
export type SeriesRef = MeetingSummary["series"];
export type MeetingDetail = ResponseOf<"getMeetingsById">;
export type Decision = MeetingDetail["decisions"][number];
export type FileRef = MeetingDetail["agenda"][number]["documents"][number];
export type MeetingActionItems = ResponseOf<"getMeetingsByIdActionItems">;
export type ActionItem = ResponseOf<"getActionItems">["items"][number];
export type ActionStatus = ActionItem["status"];
export type ActionItemDetail = ResponseOf<"getActionItemsById">;
export type MeetingQuery = ListParamsOf<"getMeetings">;
export type ActionQuery = ListParamsOf<"getActionItems">;
export type MeetingInput = BodyOf<"postMeetings">;
