import { useMemo, useRef, useState } from 'react';
import { auditActions, auditListInput } from '../../../api/calls/audit';
import type { AuditRow } from '../../../api/views';
import { invoke } from '../../api-client';
import { Button } from '../../components/button';
import { ExportButton } from '../../components/export-button';
import { PagedTable } from '../../components/paged-table';
import { Notice } from '../../components/notice';
import { Page } from '../../components/page';
import { SelectField } from '../../components/select-field';
import { TextField } from '../../components/text-field';
import type { VirtualColumn } from '../../components/virtual-table';
import { useDebounced } from '../../data/use-debounced';
import { usePagedRows } from '../../data/use-paged-rows';
import { formatDateAndTime, formatIsoDate } from '../../format';
import { useForm } from '../../forms/use-form';
import { useI18n, type I18n } from '../../i18n';
import { useCan, useSession } from '../../session/session-context';
import { NoAccess } from '../no-access';
import { actionText, recordText } from './audit-text';

type AuditAction = (typeof auditActions)[number];
const emptyFilters = { userId: '', action: '' as AuditAction | '', record: '', from: '', to: '' };
type Filters = typeof emptyFilters;

/**
 * One page of the log. A later page asks for the entries up to the newest its first page saw, so the
 * entries written meanwhile (this page's own reads among them) do not push rows from page to page.
 */
function auditFetcher(onUsers: (users: readonly { id: string; fullName: string }[]) => void) {
  const heads = new Map<string, number | null>();
  return async (filters: Filters, offset: number, limit: number) => {
    const key = JSON.stringify(filters);
    const result = await invoke('audit.list', {
      userId: filters.userId || null,
      action: filters.action || null,
      record: filters.record.trim(),
      from: filters.from || null,
      to: filters.to || null,
      upTo: offset === 0 ? null : (heads.get(key) ?? null),
      offset,
      limit,
      count: offset === 0,
    });
    if (result.ok && offset === 0) {
      heads.set(key, result.value.head);
      onUsers(result.value.users);
    }
    return result;
  };
}

function auditColumns(t: I18n['t']): VirtualColumn<AuditRow, 'at'>[] {
  return [
    { key: 'at', header: t('auditLog.at'), width: '10rem', sheet: { type: 'datetime', value: (row) => row.at }, cell: (row) => formatDateAndTime(row.at) },
    { key: 'user', header: t('auditLog.user'), width: '14rem', rowHeader: true, cell: (row) => row.userName ?? t('auditLog.system') },
    { key: 'action', header: t('auditLog.action'), cell: (row) => actionText(t, row), title: (row) => actionText(t, row) },
    { key: 'record', header: t('auditLog.record'), cell: (row) => recordText(t, row), title: (row) => recordText(t, row) },
  ];
}

/** Nhật ký thao tác: who did what, and who read what, newest first; administrators and chiefs. */
export function AuditPage() {
  const { t } = useI18n();
  const canRead = useCan('office.lead');
  return canRead ? <AuditLog /> : <Page title={t('auditLog.title')}><NoAccess /></Page>;
}

function AuditLog() {
  const { t } = useI18n();
  const { session } = useSession();
  const [users, setUsers] = useState<readonly { id: string; fullName: string }[]>([]);
  const fetchPage = useRef(auditFetcher(setUsers)).current;
  const form = useForm({ schema: auditListInput, initial: emptyFilters, toInput: () => ({}), submit: () => Promise.resolve({ ok: true as const, value: null }) });
  const record = useDebounced(form.values.record, 300);
  const query = useMemo(() => ({ ...form.values, record }), [form.values, record]);
  const list = usePagedRows<Filters, AuditRow>(query, fetchPage);
  const columns = useMemo(() => auditColumns(t), [t]);
  const all = { value: '' as const, label: t('common.all') };
  // Said here, by the field, before the call refuses it (db/audit-list.ts).
  const badRange = query.from !== '' && query.to !== '' && query.from > query.to;
  const userName = (id: string) => users.find((u) => u.id === id)?.fullName ?? '';
  return (
    <Page title={t('auditLog.title')} wide>
      <p className="muted">
        {t('auditLog.explain')} {session.user.role === 'admin' ? null : t('auditLog.chiefScope')}
      </p>
      <div className="page-actions">
        <ExportButton
          title={t('auditLog.title')}
          columns={columns}
          fetchPage={fetchPage}
          query={query}
          filters={() => [
            [t('auditLog.user'), query.userId && userName(query.userId)],
            [t('auditLog.action'), query.action && t(`auditLog.action.${query.action}`)],
            [t('auditLog.record'), query.record.trim()],
            [t('auditLog.from'), query.from && formatIsoDate(query.from)],
            [t('auditLog.to'), query.to && formatIsoDate(query.to)],
          ]}
        />
      </div>
      <form role="search" aria-labelledby="audit-filters" className="toolbar" noValidate onSubmit={form.handleSubmit}>
        <h2 id="audit-filters" className="sr-only">
          {t('auditLog.filters')}
        </h2>
        <div className="toolbar-row">
          <SelectField {...form.field('userId')} label={t('auditLog.user')} options={[all, ...users.map((u) => ({ value: u.id, label: u.fullName }))]} />
          <SelectField
            {...form.field('action')}
            label={t('auditLog.action')}
            options={[all, ...auditActions.map((action) => ({ value: action, label: t(`auditLog.action.${action}`) }))]}
          />
          <TextField {...form.field('record')} type="search" label={t('auditLog.recordFilter')} hint={t('auditLog.recordHint')} />
          <TextField {...form.field('from')} type="date" label={t('auditLog.from')} size="medium" />
          <TextField {...form.field('to')} type="date" label={t('auditLog.to')} size="medium" />
        </div>
        <div className="toolbar-row toolbar-row-end">
          <Button small variant="quiet" onClick={() => form.reset(emptyFilters)}>
            {t('auditLog.clear')}
          </Button>
        </div>
      </form>
      {badRange ? <Notice kind="error">{t('v.date_order')}</Notice> : null}
      <PagedTable list={list} caption={t('auditLog.list')} columns={columns} onOpen={() => undefined} sort={{ column: 'at', direction: 'desc' }} onSort={() => undefined} empty={t('auditLog.empty')} />
    </Page>
  );
}
