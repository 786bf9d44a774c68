/** Tables of the operations capability (src/modules/operations), by camelCase name. */
// biome-ignore lint/complexity/noBannedTypes: filled in as the capability adds tables
export type OperationsTables = {};
