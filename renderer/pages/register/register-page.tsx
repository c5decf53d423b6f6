import { useCallback, useEffect, useMemo, useState } from 'react';
import { reportFilters, sortColumns, type SortColumn } from '../../../api/calls/register';
import type { ReportRow } from '../../../api/views';
import { invoke } from '../../api-client';
import { Button } from '../../components/button';
import { ExportButton } from '../../components/export-button';
import { LoadedView } from '../../components/loaded-view';
import { PagedTable } from '../../components/paged-table';
import type { VirtualColumn } from '../../components/virtual-table';
import { Page } from '../../components/page';
import { useDebounced } from '../../data/use-debounced';
import { useOffices, withOfficeColumn } from '../../data/use-offices';
import { usePagedRows } from '../../data/use-paged-rows';
import { useForm } from '../../forms/use-form';
import { useI18n } from '../../i18n';
import { href, navigate, paths, routeQuery, useRoute } from '../../router';
import { useCan } from '../../session/session-context';
import { isoDateOf, monthStart } from '../../../core/vn-time';
import { emptyFilters, filtersFromQuery, filtersQuery, nextSort, toFilters, type Sort } from './filter-values';
import { registerFilterLines } from './filter-lines';
import { registerColumns } from './register-columns';
import { RegisterFilters } from './register-filters';
import { useReference } from './use-reference';

const PAGE_SIZE = 100;
const SEARCH_DEBOUNCE_MS = 250;

interface ListQuery {
  readonly filters: ReturnType<typeof toFilters>;
  readonly sort: Sort;
}

/** The total is counted with the first page only: at a million reports a count costs more than a page. */
const fetchPage = (query: ListQuery, offset: number, limit: number) => invoke('reports.list', { ...query, offset, limit, count: offset === 0 });

/** Sổ tiếp nhận tin báo: the whole register, searched and filtered on the backend, read page by page. */
export function RegisterPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const canWrite = useCan('records.write');
  const reference = useReference();
  const offices = useOffices();
  // The filters live in the address (filter-values.ts): read once when the page opens, written back as they change.
  const [initial] = useState(() => filtersFromQuery(routeQuery(), sortColumns));
  const [sort, setSort] = useState<Sort>(initial.sort);
  const form = useForm({
    guardLeave: false,
    schema: reportFilters,
    initial: initial.values,
    toInput: toFilters,
    submit: () => Promise.resolve({ ok: true as const, value: null }),
  });
  const { values } = form;
  useEffect(() => {
    const query = filtersQuery(values, sort);
    navigate(query === '' ? '/reports' : `/reports?${query}`, true);
  }, [values, sort]);
  // The address changed from outside (a link, the side menu, back): the list follows it.
  const route = useRoute();
  useEffect(() => {
    const asked = filtersFromQuery(routeQuery(), sortColumns);
    if (filtersQuery(asked.values, asked.sort) === filtersQuery(values, sort)) return;
    form.reset(asked.values);
    setSort(asked.sort);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a change of address starts this
  }, [route]);

  // The search box waits for a pause in typing; the other filters apply at once.
  const q = useDebounced(values.q, SEARCH_DEBOUNCE_MS);
  const query = useMemo<ListQuery>(() => ({ filters: toFilters({ ...values, q }), sort }), [values, q, sort]);
  const list = usePagedRows<ListQuery, ReportRow>(query, fetchPage, PAGE_SIZE);
  // The clock of the deadline columns, read again when the list's total changes (a reload), not at every render.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- list.total is the refresh trigger, not an input
  const now = useMemo(() => Date.now(), [list.total]);
  const columns = useMemo(() => withOfficeColumn<ReportRow, VirtualColumn<ReportRow, SortColumn>>(registerColumns(t, now), offices, t), [t, now, offices]);

  const today = isoDateOf(Date.now());
  const printPath = paths.printRegister(values.from || monthStart(values.to || today), values.to || today);
  const open = useCallback((row: ReportRow) => navigate(paths.report(row.id)), []);

  return (
    <Page title={t('register.title')} wide>
      <div className="page-actions">
        {canWrite ? (
          <Button variant="primary" href={href('/reports/new')}>
            {t('register.add')}
          </Button>
        ) : null}
        <Button href={href(printPath)}>{t('register.printExtract')}</Button>
        <ExportButton title={t('register.title')} columns={columns} fetchPage={fetchPage} query={query} sort={sort} filters={() => registerFilterLines(i18n, query.filters, reference, offices)} />
      </div>
      <LoadedView loaded={reference}>
        {(ref) => <RegisterFilters form={form} reference={ref} offices={offices} onClear={() => form.reset(emptyFilters)} />}
      </LoadedView>
      <PagedTable
        list={list}
        caption={t('register.list')}
        columns={columns}
        onOpen={open}
        rowClassName={(row) => (row.voided ? 'row-voided' : undefined)}
        sort={sort}
        onSort={(column) => setSort((current) => nextSort(current, column))}
        empty={t('register.empty')}
      />
    </Page>
  );
}
