import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallError, Result } from '../../api/result';

export interface Page<Row> {
  /** Rows matching the query; null when the call was not asked to count (a later page of the same query). */
  readonly total: number | null;
  /** More rows match than were counted: `total` is where the count stopped (reports.list, a broad search). */
  readonly totalCapped?: true;
  readonly rows: readonly Row[];
}

export interface PagedRows<Row> {
  /** Rows matching the query; null until the first page arrives. */
  readonly total: number | null;
  /** Whether more rows match than `total`, which the list then shows ("more than 10,000"). */
  readonly capped: boolean;
  readonly error: CallError | null;
  /** The row at `index`, or undefined while its page is on its way. */
  readonly rowAt: (index: number) => Row | undefined;
  /** Asks for the pages that hold rows start..end (inclusive); pages already held or asked for are skipped. */
  readonly request: (start: number, end: number) => void;
}

/**
 * A long list read page by page, as the user scrolls: never the whole list at once. A new query
 * (compared by its JSON) starts again from the first page, whose answer says the total (a fetch may
 * count only for offset 0: counting a million rows costs more than a page); answers to an older
 * query are dropped.
 */
export function usePagedRows<Q, Row>(query: Q, fetchPage: (query: Q, offset: number, limit: number) => Promise<Result<Page<Row>>>, pageSize = 100): PagedRows<Row> {
  const key = JSON.stringify(query);
  const pages = useRef(new Map<number, readonly Row[]>());
  const asked = useRef(new Set<number>());
  const generation = useRef(0);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const [total, setTotal] = useState<number | null>(null);
  const [capped, setCapped] = useState(false);
  const [error, setError] = useState<CallError | null>(null);
  const [, setReceived] = useState(0);

  const load = useCallback(
    (page: number) => {
      if (asked.current.has(page)) return;
      asked.current.add(page);
      const mine = generation.current;
      void fetchRef.current(JSON.parse(key) as Q, page * pageSize, pageSize).then((result) => {
        if (mine !== generation.current) return;
        if (!result.ok) {
          asked.current.delete(page);
          setError(result.error);
          return;
        }
        pages.current.set(page, result.value.rows);
        setError(null);
        if (result.value.total !== null) {
          setTotal(result.value.total);
          setCapped(result.value.totalCapped === true);
        }
        setReceived((n) => n + 1);
      });
    },
    [key, pageSize],
  );

  useEffect(() => {
    generation.current += 1;
    pages.current = new Map();
    asked.current = new Set();
    setTotal(null);
    setCapped(false);
    load(0);
  }, [load]);

  const rowAt = useCallback((index: number) => pages.current.get(Math.floor(index / pageSize))?.[index % pageSize], [pageSize]);
  const request = useCallback(
    (start: number, end: number) => {
      for (let page = Math.floor(start / pageSize); page <= Math.floor(end / pageSize); page += 1) load(page);
    },
    [load, pageSize],
  );

  return { total, capped, error, rowAt, request };
}
