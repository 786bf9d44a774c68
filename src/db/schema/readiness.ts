/** Tables of the readiness capability (src/modules/readiness), by camelCase name. */
// biome-ignore lint/complexity/noBannedTypes: filled in as the capability adds tables
export type ReadinessTables = {};
