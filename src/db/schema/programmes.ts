/** Tables of the programmes capability (src/modules/programmes), by camelCase name. */
// biome-ignore lint/complexity/noBannedTypes: filled in as the capability adds tables
export type ProgrammesTables = {};
