import { useCallback, useMemo, useState } from 'react';
import { hotspotListInput, hotspotStatuses, hotspotTypes } from '../../../api/calls/hotspots';
import type { HotspotRow } from '../../../api/views';
import { invoke } from '../../api-client';
import { Button } from '../../components/button';
import { ExportButton } from '../../components/export-button';
import { LoadedView } from '../../components/loaded-view';
import { PagedTable, toggleSort } from '../../components/paged-table';
import { Page } from '../../components/page';
import { SelectField } from '../../components/select-field';
import { TextField } from '../../components/text-field';
import { type SortDirection, type VirtualColumn } from '../../components/virtual-table';
import { useDebounced } from '../../data/use-debounced';
import { useOffices, withOfficeColumn } from '../../data/use-offices';
import { usePagedRows } from '../../data/use-paged-rows';
import { useForm } from '../../forms/use-form';
import { useI18n } from '../../i18n';
import { hotspotsPath } from '../../print/print-route';
import { href, navigate, paths } from '../../router';
import { useCan } from '../../session/session-context';
import { isoDateOf } from '../../../core/vn-time';
import { codeLabel, codeOptions } from '../register/labels';
import { hotspotColumns, type HotspotSort } from './hotspot-columns';
import { useReferenceList } from '../../data/reference-lists';

type HotspotType = (typeof hotspotTypes)[number];
type HotspotStatus = (typeof hotspotStatuses)[number];
const emptyFilters = { q: '', type: '' as HotspotType | '', status: '' as HotspotStatus | '', localityId: '', officeId: '' };
type Filters = typeof emptyFilters;
interface Sort {
  readonly column: HotspotSort;
  readonly direction: SortDirection;
}
interface Query {
  readonly filters: Filters;
  readonly sort: Sort;
}

const fetchPage = ({ filters, sort }: Query, offset: number, limit: number) =>
  invoke('hotspots.list', {
    q: filters.q.trim(),
    type: filters.type || null,
    status: filters.status || null,
    localityId: filters.localityId || null,
    officeId: filters.officeId || null,
    sort: sort.column,
    direction: sort.direction,
    offset,
    limit,
  });

/** Tụ điểm: every hotspot, searched and filtered, the next review first. */
export function HotspotsPage() {
  const { t } = useI18n();
  const canWrite = useCan('records.write');
  const localities = useReferenceList('localities.list');
  const offices = useOffices();
  const [sort, setSort] = useState<Sort>({ column: 'next_review_on', direction: 'asc' });
  const form = useForm({
    guardLeave: false, schema: hotspotListInput, initial: emptyFilters, toInput: () => ({}), submit: () => Promise.resolve({ ok: true as const, value: null }) });
  const q = useDebounced(form.values.q, 250);
  const query = useMemo(() => ({ filters: { ...form.values, q }, sort }), [form.values, q, sort]);
  const list = usePagedRows<Query, HotspotRow>(query, fetchPage);
  const [today] = useState(() => isoDateOf(Date.now()));
  const columns = useMemo(() => withOfficeColumn<HotspotRow, VirtualColumn<HotspotRow, HotspotSort>>(hotspotColumns(t, today), offices, t), [t, today, offices]);
  const open = useCallback((row: HotspotRow) => navigate(paths.hotspot(row.id)), []);
  const places = localities.status === 'ready' ? localities.value : [];
  const all = { value: '' as const, label: t('common.all') };
  return (
    <Page title={t('hotspots.title')} wide>
      <div className="page-actions">
        {canWrite ? (
          <Button variant="primary" href={href('/hotspots/new')}>
            {t('hotspots.add')}
          </Button>
        ) : null}
        <Button href={href('/hotspots/due')}>{t('hotspotsDue.title')}</Button>
        <Button href={href(hotspotsPath({ ...query.filters, sort: sort.column, direction: sort.direction }))}>{t('print.hotspots')}</Button>
        <ExportButton
          title={t('hotspots.title')}
          columns={columns}
          fetchPage={fetchPage}
          query={query}
          sort={sort}
          filters={() => [
            [t('office.filter'), query.filters.officeId && offices.nameOf(query.filters.officeId)],
            [t('register.search'), query.filters.q.trim()],
            [t('hotspot.type'), query.filters.type && codeLabel(t, 'hotspotType', query.filters.type)],
            [t('hotspot.status'), query.filters.status && codeLabel(t, 'hotspotStatus', query.filters.status)],
            [t('report.locality'), query.filters.localityId && (places.find((l) => l.id === query.filters.localityId)?.name ?? query.filters.localityId)],
          ]}
        />
      </div>
      <LoadedView loaded={localities}>
        {(places) => (
          <form role="search" aria-labelledby="hotspot-filters" className="toolbar" noValidate onSubmit={form.handleSubmit}>
            <h2 id="hotspot-filters" className="sr-only">
              {t('register.filters')}
            </h2>
            <div className="toolbar-row">
              {offices.many ? <SelectField {...form.field('officeId')} label={t('office.filter')} options={offices.options(t('common.all'))} /> : null}
              <div className="toolbar-search">
                <TextField {...form.field('q')} type="search" label={t('register.search')} hint={t('hotspots.searchHint')} />
              </div>
              <SelectField {...form.field('type')} label={t('hotspot.type')} options={[all, ...codeOptions(t, 'hotspotType', hotspotTypes)]} />
              <SelectField {...form.field('status')} label={t('hotspot.status')} options={[all, ...codeOptions(t, 'hotspotStatus', hotspotStatuses)]} />
              <SelectField {...form.field('localityId')} label={t('report.locality')} options={[all, ...places.filter((l) => !l.voided).map((l) => ({ value: l.id, label: l.name }))]} />
            </div>
          </form>
        )}
      </LoadedView>
      <PagedTable
        list={list}
        caption={t('hotspots.list')}
        columns={columns}
        onOpen={open}
        sort={sort}
        onSort={(column) => setSort((current) => toggleSort(current, column))}
        empty={t('hotspots.empty')}
      />
    </Page>
  );
}
