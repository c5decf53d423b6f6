import { useState } from 'react';
import type { CampaignRow } from '../../../api/views';
import { invoke } from '../../api-client';
import { Button } from '../../components/button';
import { DataTable, type Column } from '../../components/data-table';
import { ExportButton } from '../../components/export-button';
import { LoadedView } from '../../components/loaded-view';
import { Notice } from '../../components/notice';
import { Page } from '../../components/page';
import { useFlash } from '../../data/flash';
import { useCall } from '../../data/use-call';
import { useDebounced } from '../../data/use-debounced';
import { useOffices, withOfficeColumn } from '../../data/use-offices';
import { formatIsoDate } from '../../format';
import { useI18n } from '../../i18n';
import { href, paths } from '../../router';
import { useCan } from '../../session/session-context';

type Row = CampaignRow;

interface Query {
  readonly q: string;
  readonly officeId: string;
}

const fetchPage = ({ q, officeId }: Query, offset: number, limit: number) => invoke('campaigns.list', { q, officeId: officeId || null, offset, limit });

/** Đợt cao điểm: the campaigns, newest first, found by name or decision number. */
export function CampaignsPage() {
  const { t } = useI18n();
  const canLead = useCan('office.lead');
  const notice = useFlash();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 250);
  const offices = useOffices();
  const [officeId, setOfficeId] = useState('');
  const [list] = useCall('campaigns.list', { q, officeId: officeId || null, offset: 0, limit: 500 });
  const none = t('common.none');
  const columns = withOfficeColumn<Row, Column<Row>>([
    { key: 'name', header: t('campaign.name'), rowHeader: true, sheet: { type: 'text', value: (c) => c.name }, cell: (c) => <a href={href(paths.campaign(c.id))}>{c.name}</a> },
    { key: 'decision', header: t('campaign.decisionNo'), className: 'nowrap', cell: (c) => c.decisionNo || none },
    { key: 'start', header: t('campaign.startDate'), className: 'nowrap', sheet: { type: 'date', value: (c) => c.startDate }, cell: (c) => formatIsoDate(c.startDate) },
    { key: 'end', header: t('campaign.endDate'), className: 'nowrap', sheet: { type: 'date', value: (c) => c.endDate }, cell: (c) => formatIsoDate(c.endDate) },
  ], offices, t);
  return (
    <Page title={t('campaigns.title')}>
      <p className="muted">{t('campaigns.intro')}</p>
      {notice ? <Notice kind="success">{t(notice.key, notice.params)}</Notice> : null}
      {canLead ? null : <Notice kind="info">{t('campaigns.chiefCreates')}</Notice>}
      <div className="page-actions">
        {canLead ? (
          <Button variant="primary" href={href('/campaigns/new')}>
            {t('campaigns.add')}
          </Button>
        ) : null}
        <ExportButton title={t('campaigns.title')} columns={columns} fetchPage={fetchPage} query={{ q, officeId }}
          filters={() => [
            [t('office.filter'), officeId && offices.nameOf(officeId)],
            [t('register.search'), q],
          ]}
        />
      </div>
      {offices.many ? (
        <div className="field">
          <label htmlFor="campaign-office" className="field-label">
            {t('office.filter')}
          </label>
          <select id="campaign-office" className="input input-full" value={officeId} onChange={(event) => setOfficeId(event.target.value)}>
            {offices.options(t('common.all')).map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="field" role="search">
        <label htmlFor="campaign-search" className="field-label">
          {t('register.search')}
        </label>
        <input id="campaign-search" className="input input-full" type="search" value={text} autoComplete="off" aria-describedby="campaign-search-hint" onChange={(event) => setText(event.target.value)} />
        <p id="campaign-search-hint" className="field-hint">
          {t('campaigns.searchHint')}
        </p>
      </div>
      <LoadedView loaded={list}>
        {(page) => <DataTable caption={t('campaigns.list')} columns={columns} rows={page.rows} rowKey={(c) => c.id} empty={t('campaigns.empty')} />}
      </LoadedView>
    </Page>
  );
}
