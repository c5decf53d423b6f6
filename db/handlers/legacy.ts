import type { LegacyPreview } from '../../api/views';
import type { RegisterPlan } from '../legacy/apply-plan';
import { planHotspotImport } from '../legacy/hotspot-import';
import { listImports, undoImport } from '../legacy/imports';
import { cancelJob, jobProgress, startJob, type JobHandle, type Starter } from '../legacy/jobs';
import { listMappings, savedMappingFor, saveMapping } from '../legacy/mappings';
import { planPersonImport } from '../legacy/person-import';
import { readLegacyFile, type LegacyFile } from '../legacy/read-file';
import { planReportImport, type LegacyOptions } from '../legacy/register-import';
import { appendUpload, forgetUpload, uploadedFile } from '../legacy/uploads';
import { readSettings } from '../settings';
import type { Sqlite } from '../store';
import { decodeBase64Strict } from './attachments';
import { requireUser, storeFor, type Context, type HandlersOf } from './context';

/** A register's dry run: what it shows, how many records it would write, and the plan of that write. */
interface Planned {
  readonly preview: LegacyPreview;
  readonly writes: number;
  readonly write: RegisterPlan;
}

async function plan(db: Sqlite, officeId: string, file: LegacyFile, fileName: string, options: LegacyOptions, now: number, job: JobHandle): Promise<Planned> {
  const saved = savedMappingFor(db, officeId, options.register, options.savedMapping);
  if (options.register === 'persons') {
    const p = planPersonImport(db, file, fileName, options, { officeId, now, saved });
    return { preview: p.preview, writes: p.persons.length, write: { register: 'persons', plan: p } };
  }
  if (options.register === 'hotspots') {
    const p = planHotspotImport(db, file, fileName, options, { officeId, now, saved });
    return { preview: p.preview, writes: p.hotspots.length, write: { register: 'hotspots', plan: p } };
  }
  const p = await planReportImport(db, file, fileName, options, { officeId, now, settings: readSettings(db), saved, step: (done, total) => job.step('checking', done, total) });
  return { preview: p.preview, writes: p.reports.count, write: { register: 'reports', plan: p } };
}

/** The caller as the owner of an upload and its jobs: another user's are refused as unknown. */
const starter = (ctx: Context): Starter => ({ userId: requireUser(ctx).id });

/** The store's change sequence: every write to a record moves it (db/write-path.ts), so a plan made before it moved may be stale. */
const changeSeq = (db: Sqlite): number => (db.prepare('SELECT seq FROM clock_state WHERE id = 1').get() as { seq: number }).seq;

/**
 * The dry run or the import of an uploaded register file (db/legacy/*-import.ts), as a job the page
 * follows with legacy.progress and may stop with legacy.cancel until the write begins (db/legacy/jobs.ts).
 */
async function run(ctx: Context, options: LegacyOptions, apply: boolean): Promise<LegacyPreview> {
  const now = ctx.backend.now();
  const by = starter(ctx);
  const { fileName, bytes } = uploadedFile(ctx.backend, options.uploadId, by, now);
  const job = startJob(ctx.backend, options.uploadId, by);
  try {
    await job.step('reading', 0, bytes.length);
    const file = await readLegacyFile(fileName, bytes, (share) => job.step('reading', Math.round(share * bytes.length), bytes.length));
    const planNow = async () => {
      const { store } = storeFor(ctx);
      const seq = changeSeq(store.sql);
      return { seq, planned: await plan(store.sql, store.officeId, file, fileName, options, now, job) };
    };
    const dry = await planNow();
    if (!apply || dry.planned.writes === 0) return dry.planned.preview;
    // An import writes many records at once: the store as it was is backed up first, as for bundles, in
    // the same turn of the backups' queue as the write, so no other job comes between them. The write
    // runs on the job worker, in the window of an import: the app keeps reading, and writing waits
    // (docs/decisions.md, "An old register's write off the backend's thread").
    await job.step('backup', 0, 1);
    let planned = dry.planned;
    const { importId, backup } = await ctx.backend.importRegister(
      async (backup) => {
        // Writing is refused from here on. The backup ran on another thread: if the store changed
        // meanwhile, the plan is made again; if nothing is left to write, nothing is.
        const { store, write } = storeFor(ctx);
        if (changeSeq(store.sql) !== dry.seq) planned = (await planNow()).planned;
        if (planned.writes === 0) return null;
        job.commit(planned.writes);
        return { ...planned.write, ctx: write, meta: { fileName, now, backup } };
      },
      (done, total) => job.writing(done, total),
    );
    if (importId !== null) forgetUpload(ctx.backend, options.uploadId, by);
    return { ...planned.preview, importId, backup };
  } finally {
    job.end();
  }
}

export const legacyHandlers: HandlersOf<'legacy.'> = {
  'legacy.upload': (ctx, input) => {
    storeFor(ctx);
    const bytes = input.dataBase64 === '' ? Buffer.alloc(0) : decodeBase64Strict(input.dataBase64);
    return appendUpload(ctx.backend, starter(ctx), { uploadId: input.uploadId, fileName: input.fileName, offset: input.offset, bytes }, ctx.backend.now());
  },
  'legacy.preview': (ctx, input) => run(ctx, input, false),
  'legacy.apply': (ctx, input) => run(ctx, input, true),
  'legacy.imports': (ctx) => {
    const { store } = storeFor(ctx);
    return listImports(store.sql, store.officeId);
  },
  'legacy.mappings': (ctx, input) => {
    const { store } = storeFor(ctx);
    return listMappings(store.sql, store.officeId, input.register);
  },
  'legacy.saveMapping': (ctx, input) => {
    const { store, write } = storeFor(ctx);
    return saveMapping(store.sql, write, input, ctx.backend.now());
  },
  'legacy.progress': (ctx, input) => {
    storeFor(ctx);
    return jobProgress(ctx.backend, input.uploadId, starter(ctx));
  },
  'legacy.cancel': (ctx, input) => {
    storeFor(ctx);
    return { cancelled: cancelJob(ctx.backend, input.uploadId, starter(ctx)) };
  },
  'legacy.undo': (ctx, input) => {
    const { store, write } = storeFor(ctx);
    return undoImport(store.sql, store.writes, input.importId, input.reason, write, ctx.backend.now());
  },
};
