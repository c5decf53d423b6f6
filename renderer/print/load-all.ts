import type { CallError, Result } from '../../api/result';

/** How far a long load has come: `done` of `total`, and what is being loaded when there are steps. */
export interface Progress {
  readonly done: number;
  readonly total: number;
  /** "danh sách", "nhân thân"…: shown as "Đang tải <step> N/M". */
  readonly step?: string;
}

/** The list calls' largest page (their schemas allow at most 500 rows a call). */
export const PAGE_SIZE = 500;

/** Several calls for one item each, run this many at a time. */
const CONCURRENCY = 4;

export const cancelled: CallError = { code: 'internal', message: 'cancelled' };

export interface PageOf<Row> {
  /** Null when the call was not asked to count (a later page). */
  readonly total: number | null;
  readonly rows: readonly Row[];
}

/**
 * Every row of a paged list call, page after page of 500, in the list's order. `onPage` is told each
 * page's rows, how many are loaded and the list's total; a failed page fails the whole load.
 */
export async function loadAllPages<Row>(
  fetchPage: (offset: number, limit: number) => Promise<Result<PageOf<Row>>>,
  isCancelled: () => boolean,
  onPage: (rows: readonly Row[], loaded: number, total: number) => void = () => undefined,
): Promise<Result<Row[]>> {
  const rows: Row[] = [];
  // The first page says the total; a later one may not (it was not asked to count again).
  let total = 0;
  for (;;) {
    const page = await fetchPage(rows.length, PAGE_SIZE);
    if (!page.ok) return page;
    if (isCancelled()) return { ok: false, error: cancelled };
    rows.push(...page.value.rows);
    total = page.value.total ?? total;
    onPage(page.value.rows, rows.length, total);
    if (page.value.rows.length < PAGE_SIZE || rows.length >= total) return { ok: true, value: rows };
  }
}

/**
 * One call per item, a few at a time, the results in the items' order. `onDone` is told how many
 * are done; the first failure stops the load and is returned.
 */
export async function loadEach<Item, Value>(
  items: readonly Item[],
  load: (item: Item) => Promise<Result<Value>>,
  isCancelled: () => boolean,
  onDone: (done: number) => void = () => undefined,
): Promise<Result<Value[]>> {
  const values = new Array<Value>(items.length);
  let next = 0;
  let done = 0;
  let failure: CallError | null = null;
  const worker = async () => {
    while (failure === null && next < items.length) {
      const index = next++;
      const result = await load(items[index]!);
      if (isCancelled()) failure ??= cancelled;
      if (!result.ok) failure ??= result.error;
      if (failure !== null || !result.ok) return;
      values[index] = result.value;
      onDone(++done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker));
  return failure === null ? { ok: true, value: values } : { ok: false, error: failure };
}
