import { appendAudit } from '../audit';
import { backupView, listBackups, readExternalCopy } from '../backup';
import { backupCounts, findBackup, withBackup } from '../backup-check';
import { userVersion } from '../migrations/runner';
import { restoreBackup } from '../restore';
import { readSettings } from '../settings';
import { requireUser, storeFor, type HandlersOf } from './context';

export const backupsHandlers: HandlersOf<'backups.'> = {
  'backups.list': (ctx) => {
    const { store } = storeFor(ctx);
    const dir = ctx.backend.paths.backups;
    return {
      backups: listBackups(dir).map((file) => backupView(dir, file)),
      folder: dir,
      externalFolder: readSettings(store.sql).backupExternalDir,
      lastExternal: readExternalCopy(dir),
    };
  },
  'backups.inspect': (ctx, { name }) => {
    const { store } = storeFor(ctx);
    const { file, path } = findBackup(ctx.backend.paths.backups, name);
    const { schemaVersion, counts } = withBackup(path, store.key.toString('hex'), (db) => ({ schemaVersion: userVersion(db), counts: backupCounts(db) }));
    return { ...backupView(ctx.backend.paths.backups, file), schemaVersion, counts };
  },
  'backups.create': async (ctx) => {
    const taken = await ctx.backend.backups.take('manual');
    // The backup ran on another thread: the entry goes to the store open now.
    const { store, write } = storeFor(ctx);
    appendAudit(store.sql, { at: ctx.backend.now(), userId: write.userId, call: ctx.call, action: 'backup', after: { backup: taken.view.name } });
    return { ...taken.view, external: taken.external };
  },
  'backups.restore': (ctx, { name }) => restoreBackup(ctx.backend, name, { userId: requireUser(ctx).id, sessionId: ctx.session.id, call: ctx.call }),
};
