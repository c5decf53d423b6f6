import type { Result } from '../../api/result';
import type { Page } from '../data/use-paged-rows';

/** One page of a list call, as the list pages and usePagedRows fetch it. */
export type PageFetch<Q, Row> = (query: Q, offset: number, limit: number) => Promise<Result<Page<Row>>>;

export interface FetchAllOptions {
  /** Rows per call; the list calls accept at most 500 (api/calls/*.ts). */
  readonly pageSize?: number;
  /** Rows fetched so far, and how many the list has (the latest page's total). */
  readonly onProgress?: (fetched: number, total: number) => void;
  /** Stops at once, without waiting for the call on its way (throws the signal's reason, an AbortError). */
  readonly signal?: AbortSignal;
}

export const MAX_PAGE_SIZE = 500;

/**
 * Every row of a paged list, page after page with the same query (filters and sort) the list page
 * uses. Ends at the first short page or when the total is reached; the first failing call's error
 * is returned as it is.
 */
export async function fetchAllRows<Q, Row>(fetchPage: PageFetch<Q, Row>, query: Q, options: FetchAllOptions = {}): Promise<Result<Row[]>> {
  const { pageSize = MAX_PAGE_SIZE, onProgress, signal } = options;
  const rows: Row[] = [];
  // The first page says the total; a later one may not (it was not asked to count again).
  let total = 0;
  // A count that stopped (a broad search: "more than 10,000") is no end: the pages say when it is.
  let capped = false;
  for (;;) {
    signal?.throwIfAborted();
    const result = await untilAborted(fetchPage(query, rows.length, pageSize), signal);
    if (!result.ok) return result;
    rows.push(...result.value.rows);
    if (result.value.total !== null) capped = result.value.totalCapped === true;
    total = result.value.total ?? total;
    onProgress?.(rows.length, Math.max(total, rows.length));
    if (result.value.rows.length < pageSize || (!capped && rows.length >= total)) return { ok: true, value: rows };
  }
}

/** The promise's outcome, or the signal's reason as soon as it is aborted (the promise is then left to settle unheard). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
