export {
  type BackupManifest,
  type TableManifest,
  tableChecksum,
} from "./backup.format.js";
export {
  BackupInvalidError,
  nonEmptyTables,
  RestoreRefusedError,
  type RestoreResult,
  restoreBackup,
  writeBackup,
} from "./backup.service.js";
export { openForMaintenance } from "./maintenance.js";
