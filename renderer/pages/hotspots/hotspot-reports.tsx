import type { HotspotView } from '../../../api/views';
import { invoke } from '../../api-client';
import { type Column } from '../../components/data-table';
import { LinkList } from '../../components/link-list';
import { LinkReportPanel } from '../../components/link-report-panel';
import { useI18n } from '../../i18n';
import { href, paths } from '../../router';

type ReportLink = HotspotView['reports'][number];

/** The reports about a hotspot; add one found by its register number or words of it, or take one off. */
export function HotspotReports({ hotspot, canWrite, onChanged }: { readonly hotspot: HotspotView; readonly canWrite: boolean; readonly onChanged: () => void }) {
  const { t } = useI18n();
  const columns: Column<ReportLink>[] = [
    { key: 'number', header: t('report.number'), rowHeader: true, className: 'nowrap', cell: (r) => <a href={href(paths.report(r.reportId))}>{r.number}</a> },
    { key: 'summary', header: t('report.summary'), cell: (r) => r.summary },
  ];
  return (
    <LinkList
      caption={t('hotspot.reports')}
      empty={t('hotspot.noReports')}
      columns={columns}
      rows={hotspot.reports}
      canWrite={canWrite}
      addLabel={t('hotspot.addReport')}
      addPanel={({ done, cancel }) => (
        <LinkReportPanel
          id="hotspot-report-title"
          title={t('hotspot.addReport')}
          label={t('hotspot.reportSearch')}
          hint={t('hotspot.reportSearchHint')}
          exclude={hotspot.reports.map((l) => l.reportId)}
          link={(reportId) => invoke('hotspots.linkReport', { hotspotId: hotspot.id, reportId })}
          onDone={(report) => done(report.number)}
          onCancel={cancel}
        />
      )}
      unlinkLabel={(r) => t('hotspot.unlinkReport', { number: r.number })}
      unlink={(input) => invoke('hotspots.unlink', input)}
      onChanged={() => onChanged()}
    />
  );
}
