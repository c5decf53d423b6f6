import { useState } from 'react';
import type { CallError } from '../../../api/result';
import type { CampaignReportLink, CampaignView } from '../../../api/views';
import { invoke } from '../../api-client';
import { Button } from '../../components/button';
import { DataTable, type Column } from '../../components/data-table';
import { Notice } from '../../components/notice';
import { Panel } from '../../components/panel';
import { UnlinkPanel } from '../../components/unlink-panel';
import { describeError } from '../../errors';
import { formatDate } from '../../format';
import { useI18n } from '../../i18n';
import type { Message } from '../../i18n/message';
import { href, paths } from '../../router';
import { codeLabel } from '../register/labels';
import { operationLabel } from './campaign-format';
import { ReportSearch } from '../../components/report-search';

interface CampaignReportsProps {
  readonly campaign: CampaignView;
  /** The user may link and unlink reports (records.write). */
  readonly canWrite: boolean;
  readonly onChanged: (message: Message) => void;
}

/**
 * Tin báo liên quan: the reports the campaign counts, linked to it directly or opened by one of its
 * operations. A direct link is added from a register search and taken off with a reason.
 */
export function CampaignReports({ campaign, canWrite, onChanged }: CampaignReportsProps) {
  const { t } = useI18n();
  const [linking, setLinking] = useState(false);
  const [unlinking, setUnlinking] = useState<CampaignReportLink | null>(null);
  const sources = (report: CampaignReportLink) => {
    const lines = report.operationIds.flatMap((id) => {
      const operation = campaign.operations.find((op) => op.id === id);
      return operation ? [{ key: id, text: t('campaignReports.viaOperation', { operation: operationLabel(t, operation) }) }] : [];
    });
    if (report.linkId !== null) lines.unshift({ key: report.linkId, text: t('campaignReports.direct') });
    return (
      <ul className="cell-list">
        {lines.map((line) => (
          <li key={line.key}>{line.text}</li>
        ))}
      </ul>
    );
  };
  const columns: Column<CampaignReportLink>[] = [
    { key: 'number', header: t('report.number'), rowHeader: true, className: 'nowrap', cell: (r) => r.number },
    { key: 'received', header: t('report.receivedAt'), className: 'nowrap', cell: (r) => formatDate(r.receivedAt) },
    { key: 'summary', header: t('report.summary'), cell: (r) => <a href={href(paths.report(r.reportId))}>{r.summary}</a> },
    { key: 'status', header: t('report.status'), cell: (r) => codeLabel(t, 'reportStatus', r.status) },
    { key: 'sources', header: t('campaignReports.linkedBy'), cell: sources },
    ...(canWrite
      ? [
          {
            key: 'actions',
            header: t('common.actions'),
            cell: (r: CampaignReportLink) =>
              r.linkId !== null ? (
                <Button small variant="quiet" onClick={() => setUnlinking(r)} expanded={unlinking?.reportId === r.reportId}>
                  {t('links.unlink')}
                  <span className="sr-only"> {t('campaignReports.unlinkWhich', { number: r.number })}</span>
                </Button>
              ) : null,
          },
        ]
      : []),
  ];
  return (
    <>
      {canWrite && !linking ? (
        <div className="page-actions">
          <Button onClick={() => setLinking(true)}>{t('campaignReports.link')}</Button>
        </div>
      ) : null}
      {linking ? (
        <LinkReportPanel
          campaign={campaign}
          onCancel={() => setLinking(false)}
          onDone={(message) => {
            setLinking(false);
            onChanged(message);
          }}
        />
      ) : null}
      {unlinking?.linkId ? (
        <UnlinkPanel
          key={unlinking.linkId}
          linkId={unlinking.linkId}
          title={t('campaignReports.unlinkTitle', { number: unlinking.number })}
          maxLength={500}
          submit={(input) => invoke('campaigns.unlinkReport', input)}
          onCancel={() => setUnlinking(null)}
          onDone={() => {
            const number = unlinking.number;
            setUnlinking(null);
            onChanged({ key: 'campaignReports.unlinked', params: { number } });
          }}
        />
      ) : null}
      <DataTable caption={t('campaignReports.title')} captionHidden columns={columns} rows={campaign.linkedReports} rowKey={(r) => r.reportId} empty={t('campaignReports.empty')} />
    </>
  );
}

function LinkReportPanel({ campaign, onDone, onCancel }: { readonly campaign: CampaignView; readonly onDone: (message: Message) => void; readonly onCancel: () => void }) {
  const { t } = useI18n();
  const [error, setError] = useState<CallError | null>(null);
  const direct = campaign.linkedReports.filter((r) => r.linkId !== null).map((r) => r.reportId);
  return (
    <Panel id="campaign-link-title" title={t('campaignReports.link')}>
      {error ? <Notice kind="error">{describeError(t, error)}</Notice> : null}
      <ReportSearch
        id="campaign-report-search"
        label={t('campaignReports.search')}
        hint={t('campaignReports.searchHint')}
        exclude={direct}
        onChoose={(report) =>
          void invoke('campaigns.linkReport', { campaignId: campaign.id, reportId: report.id }).then((result) =>
            result.ok ? onDone({ key: 'campaignReports.linked', params: { number: report.number } }) : setError(result.error),
          )
        }
      />
      <div className="form-actions">
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </div>
    </Panel>
  );
}
