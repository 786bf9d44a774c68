import type { CatalogueTables } from "./catalogue.js";
import type { DirectoryTables } from "./directory.js";
import type { IdentityTables } from "./identity.js";
import type { ImportsTables } from "./imports.js";
import type { MeetingsTables } from "./meetings.js";
import type { NotificationsTables } from "./notifications.js";
import type { OperationsTables } from "./operations.js";
import type { ProgrammesTables } from "./programmes.js";
import type { ReadinessTables } from "./readiness.js";
import type { TrainingTables } from "./training.js";
import type { TransparencyTables } from "./transparency.js";

/** Every table Accord knows, by its camelCase name. Each capability keeps its tables in its own file here. */
export type DB = DirectoryTables &
  IdentityTables &
  CatalogueTables &
  ProgrammesTables &
  TrainingTables &
  ReadinessTables &
  OperationsTables &
  MeetingsTables &
  NotificationsTables &
  ImportsTables &
  TransparencyTables;
