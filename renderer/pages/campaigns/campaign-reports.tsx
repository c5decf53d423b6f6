import type { CampaignReportLink, CampaignView } from '../../../api/views';
import { invoke } from '../../api-client';
import { type Column } from '../../components/data-table';
import { LinkList } from '../../components/link-list';
import { LinkReportPanel } from '../../components/link-report-panel';
import { formatDate } from '../../format';
import { useI18n } from '../../i18n';
import type { Message } from '../../i18n/message';
import { href, paths } from '../../router';
import { codeLabel } from '../register/labels';
import { operationLabel } from './campaign-format';

interface CampaignReportsProps {
  readonly campaign: CampaignView;
  /** The user may link and unlink reports (records.write). */
  readonly canWrite: boolean;
  readonly onChanged: (message: Message) => void;
}

/**
 * Tin báo liên quan: the reports the campaign counts, linked to it directly or opened by one of its
 * operations. A direct link is added from a register search and taken off with a reason; one opened
 * by an operation goes with the operation.
 */
export function CampaignReports({ campaign, canWrite, onChanged }: CampaignReportsProps) {
  const { t } = useI18n();
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
  ];
  return (
    <LinkList
      caption={t('campaignReports.title')}
      empty={t('campaignReports.empty')}
      columns={columns}
      rows={campaign.linkedReports}
      rowKey={(r) => r.reportId}
      canWrite={canWrite}
      addLabel={t('campaignReports.link')}
      addPanel={({ done, cancel }) => (
        <LinkReportPanel
          id="campaign-link-title"
          title={t('campaignReports.link')}
          label={t('campaignReports.search')}
          hint={t('campaignReports.searchHint')}
          exclude={campaign.linkedReports.filter((r) => r.linkId !== null).map((r) => r.reportId)}
          link={(reportId) => invoke('campaigns.linkReport', { campaignId: campaign.id, reportId })}
          onDone={(report) => done(report.number)}
          onCancel={cancel}
        />
      )}
      unlinkLabel={(r) => t('campaignReports.unlinkWhich', { number: r.number })}
      unlinkTitle={(r) => t('campaignReports.unlinkTitle', { number: r.number })}
      reasonMaxLength={500}
      unlink={(input) => invoke('campaigns.unlinkReport', input)}
      onChanged={(change) =>
        onChanged(change.kind === 'linked' ? { key: 'campaignReports.linked', params: { number: change.name } } : { key: 'campaignReports.unlinked', params: { number: change.row.number } })
      }
    />
  );
}
