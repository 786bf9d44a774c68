/** Tables of the meetings capability (src/modules/meetings), by camelCase name. */
// biome-ignore lint/complexity/noBannedTypes: filled in as the capability adds tables
export type MeetingsTables = {};
