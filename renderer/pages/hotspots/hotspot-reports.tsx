import { useState } from 'react';
import type { CallError } from '../../../api/result';
import type { HotspotView } from '../../../api/views';
import { invoke } from '../../api-client';
import { Button } from '../../components/button';
import { type Column } from '../../components/data-table';
import { LinkList } from '../../components/link-list';
import { Notice } from '../../components/notice';
import { Panel } from '../../components/panel';
import { ReportSearch } from '../../components/report-search';
import { describeError } from '../../errors';
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
      addPanel={({ done, cancel }) => <ReportSearchPanel hotspot={hotspot} onDone={done} onCancel={cancel} />}
      unlinkLabel={(r) => t('hotspot.unlinkReport', { number: r.number })}
      unlink={(input) => invoke('hotspots.unlink', input)}
      onChanged={onChanged}
    />
  );
}

function ReportSearchPanel({ hotspot, onDone, onCancel }: { readonly hotspot: HotspotView; readonly onDone: () => void; readonly onCancel: () => void }) {
  const { t } = useI18n();
  const [error, setError] = useState<CallError | null>(null);
  return (
    <Panel id="hotspot-report-title" title={t('hotspot.addReport')}>
      {error ? <Notice kind="error">{describeError(t, error)}</Notice> : null}
      <ReportSearch
        id="hotspot-report-search"
        label={t('hotspot.reportSearch')}
        hint={t('hotspot.reportSearchHint')}
        exclude={hotspot.reports.map((l) => l.reportId)}
        onChoose={(report) =>
          void invoke('hotspots.linkReport', { hotspotId: hotspot.id, reportId: report.id }).then((result) => (result.ok ? onDone() : setError(result.error)))
        }
      />
      <div className="form-actions">
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </div>
    </Panel>
  );
}
