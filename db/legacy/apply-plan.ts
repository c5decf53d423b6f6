import type { Sqlite } from '../store';
import type { WriteContext, WritePath } from '../write-path';
import { applyHotspotImport, type HotspotImportPlan } from './hotspot-import';
import { applyPersonImport, type PersonImportPlan } from './person-import';
import { applyReportImport, type ImportPlan } from './register-import';

/** What the write of an old register is told besides its plan: the file, the time, the backup taken first. */
export interface WriteMeta {
  readonly fileName: string;
  readonly now: number;
  readonly backup: string | null;
}

/**
 * An old register's dry run made into the write it plans: plain data, so that it crosses to the job
 * worker that writes it (db/backup-worker.ts) as it is.
 */
export type PlannedWrite = RegisterPlan & { readonly ctx: WriteContext; readonly meta: WriteMeta };

/** A dry run's plan, by the kind of register. */
export type RegisterPlan =
  | { readonly register: 'reports'; readonly plan: ImportPlan }
  | { readonly register: 'persons'; readonly plan: PersonImportPlan }
  | { readonly register: 'hotspots'; readonly plan: HotspotImportPlan };

/** Writes the plan in one transaction on `db`: the import's id. `onProgress` hears the records written of all now and then. */
export function applyPlannedWrite(db: Sqlite, writes: WritePath, job: PlannedWrite, onProgress?: (done: number, total: number) => void): string {
  if (job.register === 'persons') return applyPersonImport(db, writes, job.plan, job.ctx, job.meta, onProgress);
  if (job.register === 'hotspots') return applyHotspotImport(db, writes, job.plan, job.ctx, job.meta, onProgress);
  return applyReportImport(db, writes, job.plan, job.ctx, job.meta, onProgress);
}
