import type { Result } from '../../api/result';
import { fetchAllRows, type PageFetch } from './fetch-all';
import { sheetColumns, sheetRow, type ScreenColumn } from './table-columns';
import { workbookBytes, type TitleLine } from './workbook';

/** What a list page exports: its call with the query on screen, its columns, and the sheet's heading. */
export interface ListExport<Q, Row> {
  readonly fetchPage: PageFetch<Q, Row>;
  readonly query: Q;
  readonly columns: readonly ScreenColumn<Row>[];
  /** The sheet's tab name. */
  readonly sheetName: string;
  /** Lines above the table; `rowCount` is the number of rows exported. */
  readonly heading: (rowCount: number) => readonly TitleLine[];
  readonly creator?: string;
}

export type ExportProgress = { readonly phase: 'fetching' | 'writing'; readonly done: number; readonly total: number };

export interface ListFile {
  readonly bytes: Uint8Array;
  readonly rowCount: number;
}

/**
 * Reads every row of the list (as the page shows it: same filters, same sort) and writes them to an
 * .xlsx with the page's columns. A failed call is returned as its error; a cancel throws an AbortError.
 */
export async function exportList<Q, Row>(job: ListExport<Q, Row>, onProgress: (progress: ExportProgress) => void, signal?: AbortSignal): Promise<Result<ListFile>> {
  const fetched = await fetchAllRows(job.fetchPage, job.query, { signal, onProgress: (done, total) => onProgress({ phase: 'fetching', done, total }) });
  if (!fetched.ok) return fetched;
  const rows = fetched.value;
  const bytes = await workbookBytes(
    {
      creator: job.creator,
      sheets: [{ name: job.sheetName, title: job.heading(rows.length), columns: sheetColumns(job.columns), rows: rows.map((row) => sheetRow(job.columns, row)) }],
    },
    { signal, onProgress: (done, total) => onProgress({ phase: 'writing', done, total }) },
  );
  return { ok: true, value: { bytes, rowCount: rows.length } };
}
