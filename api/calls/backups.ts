import { z } from 'zod';
import { call } from '../define';
import type { BackupDetailView, BackupListView, BackupTakenView, RestoreView } from '../views';

/**
 * A backup is named by its file name in the data folder's backups/ ("20261126-013000-daily.sqlite"),
 * never by a path: the backend accepts only names it lists itself.
 */
export const backupFileName = z.string().regex(/^\d{8}-\d{6}-[a-z0-9-]{1,60}\.sqlite$/, 'v.invalid');

export const restoreInput = z.strictObject({
  name: backupFileName,
  /** The person confirmed that the data as it is now will be replaced by the backup's. */
  confirm: z.literal(true, { error: 'v.confirm_restore' }),
});

export const backupsCalls = {
  /** The backups, newest first, with the state of the copy to the external folder; no backup is opened. */
  'backups.list': call<BackupListView>()({ readOnly: true, input: z.strictObject({}), permission: 'backups.manage' }),
  /** One backup opened read-only with the store's key: its schema version and record counts. */
  'backups.inspect': call<BackupDetailView>()({ readOnly: true, input: z.strictObject({ name: backupFileName }), permission: 'backups.manage' }),
  /** A backup taken now, by hand (kept until removed by hand). */
  'backups.create': call<BackupTakenView>()({ input: z.strictObject({}), permission: 'backups.manage' }),
  /** Replaces the store with a backup, after backing up the store as it is (docs/decisions.md, "Backups"). */
  'backups.restore': call<RestoreView>()({ input: restoreInput, permission: 'backups.manage' }),
};
