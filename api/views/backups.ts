/** What the calls of api/calls/backups.ts return (docs/architecture.md, "The contract"). */

/** Why a backup was taken: the app's own ones, or by hand. */
export type BackupKind = 'daily' | 'before-import' | 'before-migration' | 'manual' | 'before-restore' | 'other';

export interface BackupView {
  /** The file's name in the data folder's backups/, which is also its id. */
  readonly name: string;
  readonly at: number;
  readonly kind: BackupKind;
  /** Bytes. */
  readonly size: number;
}

/** The last copy of a backup to the external folder: when, where, and the system's error code if it failed. */
export interface ExternalCopyView {
  readonly folder: string;
  readonly at: number;
  readonly ok: boolean;
  /** e.g. ENOENT (drive not plugged in), EACCES, ENOSPC; null when it worked. */
  readonly errorCode: string | null;
}

export interface BackupListView {
  /** Newest first. */
  readonly backups: readonly BackupView[];
  /** Where they are kept (the data folder's backups/). */
  readonly folder: string;
  readonly externalFolder: string | null;
  readonly lastExternal: ExternalCopyView | null;
}

/** Live records in a backup; null where its schema had no such table yet. */
export interface BackupCounts {
  readonly reports: number | null;
  readonly persons: number | null;
  readonly hotspots: number | null;
  readonly campaigns: number | null;
}

export interface BackupDetailView extends BackupView {
  readonly schemaVersion: number;
  readonly counts: BackupCounts;
}

export interface BackupTakenView extends BackupView {
  /** The copy to the external folder, when one is set. */
  readonly external: ExternalCopyView | null;
}

export interface RestoreView {
  readonly restored: BackupView;
  /** The backup of the store as it was just before the restore. */
  readonly safety: BackupView;
  /** integrity_check of the restored store: always "ok" (a restore that fails it is undone). */
  readonly integrity: 'ok';
  /** False when the restoring user does not exist (or is inactive) in the restored data: log in again. */
  readonly stillLoggedIn: boolean;
}
