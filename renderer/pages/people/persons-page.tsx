import { useCallback, useMemo, useState } from 'react';
import { personListInput } from '../../../api/calls/people';
import type { PersonRow } from '../../../api/views';
import { personScopes, type PersonScope } from '../../../api/vocabulary';
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
import { href, navigate, paths } from '../../router';
import { useCan } from '../../session/session-context';
import { bornText, kindName } from './kind-name';
import { usePeopleReference } from './use-people-reference';
import { codeLabel } from '../register/labels';

type PersonSort = 'name' | 'birth_year' | 'created_at';
interface Sort {
  readonly column: PersonSort;
  readonly direction: SortDirection;
}
// The Đối tượng first: suspects and people under management; the người liên quan on asking (issue #18).
const emptyFilters: { q: string; localityId: string; programKind: string; officeId: string; scope: PersonScope } = { q: '', localityId: '', programKind: '', officeId: '', scope: 'subjects' };
type Filters = typeof emptyFilters;
interface Query {
  readonly filters: Filters;
  readonly sort: Sort;
}
const remembered: { filters: Filters; sort: Sort } = { filters: emptyFilters, sort: { column: 'name', direction: 'asc' } };

const fetchPage = ({ filters, sort }: Query, offset: number, limit: number) =>
  invoke('persons.list', {
    q: filters.q.trim(),
    localityId: filters.localityId || null,
    programKind: filters.programKind || null,
    scope: filters.scope,
    officeId: filters.officeId || null,
    sort: sort.column,
    direction: sort.direction,
    offset,
    limit,
  });

/** Đối tượng: everyone on record, searched without diacritics (name prefix or citizen ID), filtered, read page by page. */
export function PersonsPage() {
  const { t, lang } = useI18n();
  const canWrite = useCan('records.write');
  const reference = usePeopleReference();
  const offices = useOffices();
  const [sort, setSort] = useState<Sort>(remembered.sort);
  const form = useForm({
    guardLeave: false, schema: personListInput, initial: remembered.filters, toInput: () => ({}), submit: () => Promise.resolve({ ok: true as const, value: null }) });
  const q = useDebounced(form.values.q, 250);
  const filters = useMemo(() => ({ ...form.values, q }), [form.values, q]);
  remembered.filters = form.values;
  remembered.sort = sort;
  const query = { filters, sort };
  const list = usePagedRows<Query, PersonRow>(query, fetchPage);
  const localities = reference.status === 'ready' ? reference.value.localities : [];
  const none = t('common.none');
  const rolesText = (p: PersonRow) => {
    const roles = [...p.roles.filter((role) => role === 'suspect'), ...(p.managed ? ['managed' as const] : []), ...p.roles.filter((role) => role !== 'suspect')];
    return roles.length === 0 ? t('people.noRole') : roles.map((role) => (role === 'managed' ? t('people.managed') : codeLabel(t, 'personRole', role))).join(', ');
  };
  const columns: VirtualColumn<PersonRow, PersonSort>[] = withOfficeColumn([
    { key: 'name', header: t('person.fullName'), sort: 'name', rowHeader: true, cell: (p) => (p.otherNames ? `${p.fullName} (${p.otherNames})` : p.fullName), title: (p) => p.fullName },
    { key: 'roles', header: t('people.roles'), width: '11rem', cell: (p) => rolesText(p) },
    { key: 'born', header: t('person.birthDate'), sort: 'birth_year', width: '8rem', cell: (p) => bornText(p) ?? none },
    { key: 'citizenId', header: t('person.citizenId'), width: '10rem', cell: (p) => p.citizenId ?? none },
    { key: 'locality', header: t('report.locality'), width: '10rem', cell: (p) => localities.find((l) => l.id === p.localityId)?.name ?? none },
    { key: 'address', header: t('person.permanentAddress'), cell: (p) => p.permanentAddress || p.temporaryAddress || none, title: (p) => p.permanentAddress },
  ], offices, t);
  const open = useCallback((row: PersonRow) => navigate(paths.person(row.id)), []);

  return (
    <Page title={t('people.title')} wide>
      <div className="page-actions">
        {canWrite ? (
          <Button variant="primary" href={href('/persons/new')}>
            {t('people.add')}
          </Button>
        ) : null}
        <Button href={href('/persons/duplicates')}>{t('duplicates.title')}</Button>
        <ExportButton
          title={t('people.title')}
          columns={columns}
          fetchPage={fetchPage}
          query={query}
          sort={sort}
          filters={() => [
            [t('people.scope'), t(filters.scope === 'subjects' ? 'people.scopeSubjects' : 'people.scopeAll')],
            [t('office.filter'), filters.officeId && offices.nameOf(filters.officeId)],
            [t('register.search'), filters.q.trim()],
            [t('report.locality'), filters.localityId && (localities.find((l) => l.id === filters.localityId)?.name ?? filters.localityId)],
            [t('people.programKind'), filters.programKind && kindName(lang, reference.status === 'ready' ? reference.value.kinds : [], filters.programKind)],
          ]}
        />
      </div>
      <LoadedView loaded={reference}>
        {(ref) => (
          <form role="search" aria-labelledby="people-filters" className="toolbar" noValidate onSubmit={form.handleSubmit}>
            <h2 id="people-filters" className="sr-only">
              {t('register.filters')}
            </h2>
            <div className="toolbar-row">
              {offices.many ? <SelectField {...form.field('officeId')} label={t('office.filter')} options={offices.options(t('common.all'))} /> : null}
              <SelectField
                {...form.field('scope')}
                label={t('people.scope')}
                hint={t('people.scopeHint')}
                options={personScopes.map((scope) => ({ value: scope, label: t(scope === 'subjects' ? 'people.scopeSubjects' : 'people.scopeAll') }))}
              />
              <div className="toolbar-search">
                <TextField {...form.field('q')} type="search" label={t('register.search')} hint={t('people.searchHint')} />
              </div>
              <SelectField
                {...form.field('localityId')}
                label={t('report.locality')}
                options={[{ value: '', label: t('common.all') }, ...ref.localities.filter((l) => !l.voided).map((l) => ({ value: l.id, label: l.name }))]}
              />
              <SelectField
                {...form.field('programKind')}
                label={t('people.programKind')}
                options={[{ value: '', label: t('common.all') }, ...ref.kinds.map((k) => ({ value: k.code, label: kindName(lang, ref.kinds, k.code) }))]}
              />
            </div>
          </form>
        )}
      </LoadedView>
      <PagedTable
        list={list}
        caption={t('people.list')}
        columns={columns}
        onOpen={open}
        sort={sort}
        onSort={(column) => setSort((current) => toggleSort(current, column))}
        empty={t('people.empty')}
      />
    </Page>
  );
}
