import type { LegacyPreview } from '../../api/views';
import { readLegacyFile } from '../legacy/read-file';
import { applyReportImport, listImports, planReportImport, undoImport, type LegacyOptions } from '../legacy/register-import';
import { appendUpload, forgetUpload, uploadedFile } from '../legacy/uploads';
import { readSettings } from '../settings';
import { decodeBase64Strict } from './attachments';
import { storeFor, type Context, type HandlersOf } from './context';

/** The dry run or the import of an uploaded register file (db/legacy/register-import.ts). */
async function run(ctx: Context, options: LegacyOptions, apply: boolean): Promise<LegacyPreview> {
  const now = ctx.backend.now();
  const { fileName, bytes } = uploadedFile(ctx.backend, options.uploadId, now);
  const file = await readLegacyFile(fileName, bytes);
  const plan = () => {
    const { store } = storeFor(ctx);
    return planReportImport(store.sql, file, fileName, options, { officeId: store.officeId, now, settings: readSettings(store.sql) });
  };
  const dry = plan();
  if (!apply || dry.reports.length === 0) return dry.preview;
  // An import writes many records at once: the store as it was is backed up first, as for bundles.
  const backup = await ctx.backend.backups.take('before-import');
  // The backup ran on another thread: the store may have changed meanwhile, so the plan is made again.
  const { store, write } = storeFor(ctx);
  const again = plan();
  const importId = applyReportImport(store.sql, store.writes, again, write, { fileName, now, backup: backup.view.name });
  forgetUpload(ctx.backend, options.uploadId);
  return { ...again.preview, importId, backup: backup.view.name };
}

export const legacyHandlers: HandlersOf<'legacy.'> = {
  'legacy.upload': (ctx, input) => {
    storeFor(ctx);
    const bytes = input.dataBase64 === '' ? Buffer.alloc(0) : decodeBase64Strict(input.dataBase64);
    return appendUpload(ctx.backend, { uploadId: input.uploadId, fileName: input.fileName, offset: input.offset, bytes }, ctx.backend.now());
  },
  'legacy.preview': (ctx, input) => run(ctx, input, false),
  'legacy.apply': (ctx, input) => run(ctx, input, true),
  'legacy.imports': (ctx) => {
    const { store } = storeFor(ctx);
    return listImports(store.sql, store.officeId);
  },
  'legacy.undo': (ctx, input) => {
    const { store, write } = storeFor(ctx);
    return undoImport(store.sql, store.writes, input.importId, input.reason, write, ctx.backend.now());
  },
};
