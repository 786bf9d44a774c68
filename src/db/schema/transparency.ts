import type { ColumnType, Generated } from "kysely";
import type { Timestamp } from "./common.js";

/** The transparency log over the audit trail (0026_transparency_log). */
export interface AuditTreeNodeTable {
  level: number;
  idx: number;
  hash: Buffer;
}

export interface TransparencyKeyTable {
  keyId: string;
  publicKey: string;
  firstUsedAt: Timestamp;
}

export interface TransparencyHeadTable {
  id: ColumnType<number, never, never>;
  origin: string;
  treeSize: ColumnType<number, number, never>;
  rootHash: Buffer;
  signedAt: ColumnType<Date, Date, never>;
  keyId: string;
  signature: Buffer;
  /** The job queue's period of a scheduled head (0028; unique); null for a head signed on demand. */
  period: ColumnType<Date | null, Date | null | undefined, never>;
}

export interface WitnessHeadTable {
  origin: string;
  treeSize: ColumnType<number, number, number>;
  rootHash: Buffer;
  head: ColumnType<unknown, string, string>;
  receivedAt: Timestamp;
}

export interface TransparencyAlarmTable {
  id: Generated<string>;
  origin: string;
  kind: "fork" | "rollback" | "bad_signature";
  message: string;
  held: ColumnType<unknown, string | null, never>;
  received: ColumnType<unknown, string, never>;
  raisedAt: Timestamp;
}

export interface TransparencyTables {
  auditTreeNode: AuditTreeNodeTable;
  transparencyKey: TransparencyKeyTable;
  transparencyHead: TransparencyHeadTable;
  witnessHead: WitnessHeadTable;
  transparencyAlarm: TransparencyAlarmTable;
}
