/** Tables of the training capability (src/modules/training), by camelCase name. */
// biome-ignore lint/complexity/noBannedTypes: filled in as the capability adds tables
export type TrainingTables = {};
