import type { LegacyProgressView } from '../../api/views';
import { AppError } from '../app-error';

/**
 * The dry run or import of a register file under way, by its upload (issue 22): what it is doing and
 * how far, for the page that polls `legacy.progress`, and a cancel the user asks for with
 * `legacy.cancel`. The work pauses every few thousand rows (`step`) so that those calls are answered
 * meanwhile, and a cancel is honoured at the next pause by throwing: nothing was written by then, so a
 * cancelled import changes nothing. The write itself is one synchronous transaction and cannot be
 * stopped halfway: once it begins, a cancel is refused (it would be a lie).
 */
type Phase = LegacyProgressView['phase'];

interface Job {
  phase: Phase;
  done: number;
  total: number;
  cancelled: boolean;
}

const jobsOf = new WeakMap<object, Map<string, Job>>();

function jobs(owner: object): Map<string, Job> {
  let map = jobsOf.get(owner);
  if (!map) {
    map = new Map();
    jobsOf.set(owner, map);
  }
  return map;
}

export const cancelledError = (): AppError => new AppError('validation', 'the import was cancelled', { fields: { file: 'legacy.cancelled' } });

/** A job's handle: `step` reports progress, lets other calls in, and throws once the job is cancelled. */
export interface JobHandle {
  step(phase: Phase, done: number, total: number): Promise<void>;
  /** Entering the write: from here the job cannot be cancelled. */
  commit(): void;
  end(): void;
}

const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

export function startJob(owner: object, uploadId: string): JobHandle {
  const map = jobs(owner);
  // One job per upload: a second dry run of the same file replaces the first's entry (the first, still
  // running, keeps its own handle and ends without touching the new one).
  const job: Job = { phase: 'reading', done: 0, total: 0, cancelled: false };
  map.set(uploadId, job);
  return {
    async step(phase, done, total) {
      if (job.cancelled) throw cancelledError();
      job.phase = phase;
      job.done = done;
      job.total = total;
      await pause();
      if (job.cancelled) throw cancelledError();
    },
    commit() {
      if (job.cancelled) throw cancelledError();
      job.phase = 'writing';
    },
    end() {
      if (map.get(uploadId) === job) map.delete(uploadId);
    },
  };
}

export function jobProgress(owner: object, uploadId: string): LegacyProgressView | null {
  const job = jobs(owner).get(uploadId);
  return job ? { phase: job.phase, done: job.done, total: job.total, cancelled: job.cancelled } : null;
}

/** Asks the job to stop; false when there is none or it is writing already. */
export function cancelJob(owner: object, uploadId: string): boolean {
  const job = jobs(owner).get(uploadId);
  if (!job || job.phase === 'writing') return false;
  job.cancelled = true;
  return true;
}
