import { useEffect, useRef, useState } from 'react';
import { describeError } from '../errors';
import { downloadFile, exportFileName } from '../export/download';
import type { PageFetch } from '../export/fetch-all';
import { exportList, type ExportProgress } from '../export/list-export';
import type { ScreenColumn } from '../export/table-columns';
import type { TitleLine } from '../export/workbook';
import { formatDateTime, formatNumber } from '../format';
import { useI18n, type I18n } from '../i18n';
import { useSession } from '../session/session-context';
import { isoDateOf } from '../../core/vn-time';
import { Button } from './button';
import type { SortDirection } from './virtual-table';

/** A filter in effect: its label and the value chosen, as the toolbar shows it; an empty value is left out. */
export type FilterLine = readonly [label: string, value: string | false | null | undefined];

export interface ExportButtonProps<Q, Row> {
  /** The list's title: the sheet's tab, its heading and the file's name. */
  readonly title: string;
  readonly columns: readonly ScreenColumn<Row>[];
  /** The list call and the query on screen (filters and sort), as the page fetches its rows. */
  readonly fetchPage: PageFetch<Q, Row>;
  readonly query: Q;
  /** The filters in effect, asked for when the export starts (printed above the table). */
  readonly filters?: () => readonly FilterLine[];
  /** The sort on screen: the column's sort key and direction. */
  readonly sort?: { readonly column: string; readonly direction: SortDirection };
}

type State =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running'; readonly progress: ExportProgress | null }
  | { readonly kind: 'done'; readonly count: number; readonly file: string }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'failed'; readonly message: string };

/**
 * "Xuất Excel" for a list page: reads every row the list holds with the page's filters and sort, page
 * by page with its progress and a cancel, and downloads an .xlsx with the columns on screen.
 */
export function ExportButton<Q, Row>({ title, columns, fetchPage, query, filters, sort }: ExportButtonProps<Q, Row>) {
  const { t } = useI18n();
  const { session } = useSession();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const running = useRef<AbortController | null>(null);
  useEffect(() => () => running.current?.abort(), []);

  const start = async () => {
    const controller = new AbortController();
    running.current = controller;
    setState({ kind: 'running', progress: null });
    const now = Date.now();
    const file = exportFileName(title, isoDateOf(now));
    const heading = (count: number): TitleLine[] => [
      { text: session.office.name, bold: true },
      { text: title.toLocaleUpperCase('vi'), bold: true },
      filtersText(t, filters?.() ?? []),
      ...(sort ? [sortText(t, columns, sort)] : []),
      t('export.madeAt', { time: formatDateTime(now), count: formatNumber(count) }),
    ];
    try {
      const made = await exportList(
        { fetchPage, query, columns, sheetName: title, heading, creator: session.user.fullName },
        (progress) => setState({ kind: 'running', progress }),
        controller.signal,
      );
      if (!made.ok) {
        setState({ kind: 'failed', message: t('export.failed', { reason: describeError(t, made.error) }) });
        return;
      }
      downloadFile(made.value.bytes, file);
      setState({ kind: 'done', count: made.value.rowCount, file });
    } catch (error) {
      if (controller.signal.aborted) {
        setState({ kind: 'cancelled' });
        return;
      }
      console.warn('Excel export failed', error);
      setState({ kind: 'failed', message: t('export.failedFile') });
    } finally {
      if (running.current === controller) running.current = null;
    }
  };

  return (
    <div className="export-control">
      {state.kind === 'running' ? (
        <>
          <progress className="export-progress" aria-label={t('export.progress')} value={state.progress?.done ?? 0} max={Math.max(state.progress?.total ?? 1, 1)} />
          <span role="status">{progressText(t, state.progress)}</span>
          <Button small onClick={() => running.current?.abort()}>
            {t('export.cancel')}
          </Button>
        </>
      ) : (
        <>
          <Button onClick={() => void start()}>{t('export.button')}</Button>
          {state.kind === 'done' ? <span role="status">{t('export.done', { count: formatNumber(state.count), file: state.file })}</span> : null}
          {state.kind === 'cancelled' ? <span role="status">{t('export.cancelled')}</span> : null}
          {state.kind === 'failed' ? (
            <span role="alert" className="export-error">
              {state.message}
            </span>
          ) : null}
        </>
      )}
    </div>
  );
}

function progressText(t: I18n['t'], progress: ExportProgress | null): string {
  if (!progress) return t('export.starting');
  const params = { done: formatNumber(progress.done), total: formatNumber(progress.total) };
  return progress.phase === 'fetching' ? t('export.fetching', params) : t('export.writing', params);
}

function filtersText(t: I18n['t'], lines: readonly FilterLine[]): string {
  const shown = lines.filter(([, value]) => Boolean(value)).map(([label, value]) => `${label}: ${String(value)}`);
  return shown.length > 0 ? t('export.filters', { list: shown.join('; ') }) : t('export.noFilters');
}

function sortText<Row>(t: I18n['t'], columns: readonly ScreenColumn<Row>[], sort: NonNullable<ExportButtonProps<unknown, Row>['sort']>): string {
  const column = columns.find((c) => c.sort === sort.column);
  return t('export.sort', { column: column?.header ?? sort.column, direction: t(sort.direction === 'asc' ? 'export.asc' : 'export.desc') });
}
