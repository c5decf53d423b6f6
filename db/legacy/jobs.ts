import type { LegacyProgressView } from '../../api/views';
import { AppError } from '../app-error';

/**
 * The dry run or import of a register file under way, by its upload (issue 22): what it is doing and
 * how far, for the page that polls `legacy.progress`, and a cancel the user asks for with
 * `legacy.cancel`. The work pauses every few thousand rows (`step`) so that those calls are answered
 * meanwhile, and a cancel is honoured at the next pause by throwing: nothing was written by then, so a
 * cancelled import changes nothing. The write itself is one transaction on the job worker and cannot be
 * stopped halfway: once it begins, a cancel is refused (it would be a lie).
 */
type Phase = LegacyProgressView['phase'];

/**
 * Who started a job or sent an upload. Only that user sees the job or the file: a chief who learns
 * another user's upload id (it is no secret: it is in the page, in logs) gets the answer as if there
 * were no such upload, so nothing tells that it exists (docs/security.md). The user, not the session: the
 * same user in a second window (or after logging in again) follows their own import, and the test
 * fixtures stage a file once for the user every call sample runs as.
 */
export interface Starter {
  readonly userId: string;
}

export const sameStarter = (a: Starter, b: Starter): boolean => a.userId === b.userId;

interface Job {
  readonly by: Starter;
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
  /** Entering the write of `total` records: from here the job cannot be cancelled. */
  commit(total: number): void;
  /** How far the write is (its records written of all), told by the worker that writes them. */
  writing(done: number, total: number): void;
  end(): void;
}

/**
 * Lets other calls in. Tests of the interface (tests/e2e/legacy-import.test.ts) make each pause last
 * SO_ANTT_TEST_LEGACY_STEP_MS, so that a dry run the test means to cancel is still running when the
 * button is pressed on a fast machine or a slow one; never set outside tests.
 */
function pause(): Promise<void> {
  const wait = Number(process.env.SO_ANTT_TEST_LEGACY_STEP_MS ?? 0);
  return new Promise<void>((resolve) => (wait > 0 ? setTimeout(resolve, wait) : setImmediate(resolve)));
}

export function startJob(owner: object, uploadId: string, by: Starter): JobHandle {
  const map = jobs(owner);
  // One job per upload: a second dry run of the same file replaces the first's entry (the first, still
  // running, keeps its own handle and ends without touching the new one). Only the upload's own sender
  // reaches here (db/legacy/uploads.ts), and each job is tied to its starter besides.
  const job: Job = { by, phase: 'reading', done: 0, total: 0, cancelled: false };
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
    commit(total) {
      if (job.cancelled) throw cancelledError();
      job.phase = 'writing';
      job.done = 0;
      job.total = total;
    },
    writing(done, total) {
      job.phase = 'writing';
      job.done = done;
      job.total = total;
    },
    end() {
      if (map.get(uploadId) === job) map.delete(uploadId);
    },
  };
}

/** The job of this upload if `by` started it; another's is as if there were none. */
function jobOf(owner: object, uploadId: string, by: Starter): Job | null {
  const job = jobs(owner).get(uploadId);
  return job && sameStarter(job.by, by) ? job : null;
}

export function jobProgress(owner: object, uploadId: string, by: Starter): LegacyProgressView | null {
  const job = jobOf(owner, uploadId, by);
  return job ? { phase: job.phase, done: job.done, total: job.total, cancelled: job.cancelled } : null;
}

/** Asks the job to stop; false when there is none (of `by`'s) or it is writing already. */
export function cancelJob(owner: object, uploadId: string, by: Starter): boolean {
  const job = jobOf(owner, uploadId, by);
  if (!job || job.phase === 'writing') return false;
  job.cancelled = true;
  return true;
}
