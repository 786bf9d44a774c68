import type { BodyOf, ListParamsOf, ResponseOf } from "../../shared/api/contract";

/** The exchange's messages as the server declares them (generated from the API document). */
export type MessageSummary = ResponseOf<"getExchangeMessages">["items"][number];
export type MessageDetail = ResponseOf<"getExchangeMessagesById">;
export type Receipt = MessageSummary["recipients"][number];
export type Party = MessageSummary["sender"];
export type MessageQuery = ListParamsOf<"getExchangeMessages">;
export type ExchangeCounts = ResponseOf<"getExchangeCounts">;
export type SendInput = BodyOf<"postExchangeMessages">;
