import { useCallback, useMemo } from 'react';
import { programListInput, programStatuses } from '../../../api/calls/people';
import type { ProgramView } from '../../../api/views';
import { invoke } from '../../api-client';
import { Button } from '../../components/button';
import { ExportButton } from '../../components/export-button';
import { LoadedView } from '../../components/loaded-view';
import { PagedTable } from '../../components/paged-table';
import { Page } from '../../components/page';
import { SelectField } from '../../components/select-field';
import { TextField } from '../../components/text-field';
import { type VirtualColumn } from '../../components/virtual-table';
import { useDebounced } from '../../data/use-debounced';
import { useOffices, withOfficeColumn } from '../../data/use-offices';
import { usePagedRows } from '../../data/use-paged-rows';
import { formatIsoDate } from '../../format';
import { useForm } from '../../forms/use-form';
import { useI18n } from '../../i18n';
import { programsPath } from '../../print/print-route';
import { href, navigate, paths } from '../../router';
import { kindName } from '../people/kind-name';
import { usePeopleReference } from '../people/use-people-reference';
import { codeLabel, codeOptions } from '../register/labels';

type Status = (typeof programStatuses)[number];
const emptyFilters = { q: '', kindCode: '', status: 'active' as Status | '', officerId: '', officeId: '' };
type Filters = typeof emptyFilters;

const fetchPage = (filters: Filters, offset: number, limit: number) =>
  invoke('programs.list', { q: filters.q.trim(), kindCode: filters.kindCode || null, status: filters.status || null, officerId: filters.officerId || null, officeId: filters.officeId || null, offset, limit });

/** Quản lý đối tượng: the management programs, filtered by kind, status, officer and the person's name. */
export function ProgramsPage() {
  const { t, lang } = useI18n();
  const reference = usePeopleReference();
  const offices = useOffices();
  const form = useForm({
    guardLeave: false, schema: programListInput, initial: emptyFilters, toInput: () => ({}), submit: () => Promise.resolve({ ok: true as const, value: null }) });
  const q = useDebounced(form.values.q, 250);
  const query = useMemo(() => ({ ...form.values, q }), [form.values, q]);
  const list = usePagedRows<Filters, ProgramView>(query, fetchPage);
  const kinds = reference.status === 'ready' ? reference.value.kinds : [];
  const officers = reference.status === 'ready' ? reference.value.officers : [];
  const none = t('common.none');
  const columns: VirtualColumn<ProgramView, 'none'>[] = withOfficeColumn([
    { key: 'person', header: t('person.fullName'), rowHeader: true, cell: (p) => p.personName },
    { key: 'kind', header: t('program.kind'), cell: (p) => kindName(lang, kinds, p.kindCode), title: (p) => kindName(lang, kinds, p.kindCode) },
    { key: 'start', header: t('program.startDate'), width: '7rem', sheet: { type: 'date', value: (p) => p.startDate }, cell: (p) => formatIsoDate(p.startDate) },
    { key: 'end', header: t('program.endDate'), width: '7rem', sheet: { type: 'date', value: (p) => p.endDate }, cell: (p) => (p.endDate ? formatIsoDate(p.endDate) : none) },
    {
      key: 'next',
      header: t('program.nextCheckin'),
      width: '8rem',
      sheet: { type: 'date', value: (p) => (p.status === 'active' ? p.nextCheckinOn : null) },
      cell: (p) => (p.status === 'active' && p.nextCheckinOn ? formatIsoDate(p.nextCheckinOn) : none),
    },
    { key: 'status', header: t('program.status'), width: '8rem', cell: (p) => codeLabel(t, 'programStatus', p.status) },
    { key: 'officer', header: t('program.officer'), width: '10rem', cell: (p) => p.officerName ?? none },
  ], offices, t);
  const open = useCallback((row: ProgramView) => navigate(paths.program(row.id)), []);
  const all = { value: '' as const, label: t('common.all') };
  return (
    <Page title={t('programs.title')} wide>
      <p className="muted">{t('programs.intro')}</p>
      <div className="page-actions">
        <Button href={href(programsPath(query))}>{t('print.programs')}</Button>
        <ExportButton
          title={t('programs.title')}
          columns={columns}
          fetchPage={fetchPage}
          query={query}
          filters={() => [
            [t('office.filter'), query.officeId && offices.nameOf(query.officeId)],
            [t('register.search'), query.q.trim()],
            [t('program.kind'), query.kindCode && kindName(lang, kinds, query.kindCode)],
            [t('program.status'), query.status && codeLabel(t, 'programStatus', query.status)],
            [t('program.officer'), query.officerId && (officers.find((o) => o.id === query.officerId)?.fullName ?? query.officerId)],
          ]}
        />
      </div>
      <LoadedView loaded={reference}>
        {(ref) => (
          <form role="search" aria-labelledby="programs-filters" className="toolbar" noValidate onSubmit={form.handleSubmit}>
            <h2 id="programs-filters" className="sr-only">
              {t('register.filters')}
            </h2>
            <div className="toolbar-row">
              {offices.many ? <SelectField {...form.field('officeId')} label={t('office.filter')} options={offices.options(t('common.all'))} /> : null}
              <div className="toolbar-search">
                <TextField {...form.field('q')} type="search" label={t('register.search')} hint={t('programs.searchHint')} />
              </div>
              <SelectField {...form.field('kindCode')} label={t('program.kind')} options={[all, ...ref.kinds.map((k) => ({ value: k.code, label: kindName(lang, ref.kinds, k.code) }))]} />
              <SelectField {...form.field('status')} label={t('program.status')} options={[all, ...codeOptions(t, 'programStatus', programStatuses)]} />
              <SelectField {...form.field('officerId')} label={t('program.officer')} options={[all, ...ref.officers.map((o) => ({ value: o.id, label: o.fullName }))]} />
            </div>
          </form>
        )}
      </LoadedView>
      <PagedTable
        list={list}
        caption={t('programs.list')}
        columns={columns}
        onOpen={open}
        sort={{ column: 'none', direction: 'asc' }}
        onSort={() => undefined}
        empty={t('programs.empty')}
      />
    </Page>
  );
}
