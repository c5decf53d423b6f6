import { Worker } from 'node:worker_threads';

/**
 * The process's peak resident set over a stretch of work, sampled every 10 ms by a worker thread (it
 * runs while the main thread is busy in a synchronous transaction, which a timer on the main thread
 * would not). `process.resourceUsage().maxRSS` is the peak since the process began: it counts what the
 * bench did before (a store's setup, a key derivation) as well.
 */
export function peakRss(): { reset(): void; peak(): number; stop(): Promise<number> } {
  const shared = new Float64Array(new SharedArrayBuffer(8));
  const worker = new Worker(
    `const { workerData } = require('node:worker_threads');
     const peak = new Float64Array(workerData);
     setInterval(() => { const rss = process.memoryUsage.rss(); if (rss > peak[0]) peak[0] = rss; }, 10);`,
    { eval: true, workerData: shared.buffer },
  );
  worker.unref();
  return {
    reset: () => (shared[0] = process.memoryUsage.rss()),
    peak: () => Math.max(shared[0]!, process.memoryUsage.rss()),
    stop: async () => {
      const peak = Math.max(shared[0]!, process.memoryUsage.rss());
      await worker.terminate();
      return peak;
    },
  };
}
