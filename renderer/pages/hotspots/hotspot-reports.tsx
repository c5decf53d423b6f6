import { useEffect, useState } from 'react';
import type { HotspotView, ReportRow } from '../../../api/views';
import { invoke } from '../../api-client';
import { Button } from '../../components/button';
import { DataTable, type Column } from '../../components/data-table';
import { Panel } from '../../components/panel';
import { UnlinkPanel } from '../../components/unlink-panel';
import { useDebounced } from '../../data/use-debounced';
import { describeError } from '../../errors';
import { useI18n } from '../../i18n';
import { href, paths } from '../../router';
import type { CallError } from '../../../api/result';
import { Notice } from '../../components/notice';

type ReportLink = HotspotView['reports'][number];

/** The reports about a hotspot; add one found by its register number or words of it, or take one off. */
export function HotspotReports({ hotspot, canWrite, onChanged }: { readonly hotspot: HotspotView; readonly canWrite: boolean; readonly onChanged: () => void }) {
  const { t } = useI18n();
  const [adding, setAdding] = useState(false);
  const [unlinking, setUnlinking] = useState<ReportLink | null>(null);
  const columns: Column<ReportLink>[] = [
    { key: 'number', header: t('report.number'), rowHeader: true, className: 'nowrap', cell: (r) => <a href={href(paths.report(r.reportId))}>{r.number}</a> },
    { key: 'summary', header: t('report.summary'), cell: (r) => r.summary },
    ...(canWrite
      ? [
          {
            key: 'actions',
            header: t('common.actions'),
            cell: (r: ReportLink) => (
              <Button small variant="quiet" onClick={() => setUnlinking(r)}>
                {t('hotspot.unlinkReport', { number: r.number })}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <>
      <DataTable caption={t('hotspot.reports')} captionHidden columns={columns} rows={hotspot.reports} rowKey={(r) => r.linkId} empty={t('hotspot.noReports')} />
      {canWrite && !adding ? (
        <div className="page-actions">
          <Button small onClick={() => setAdding(true)}>
            {t('hotspot.addReport')}
          </Button>
        </div>
      ) : null}
      {adding ? (
        <ReportSearchPanel
          hotspot={hotspot}
          onCancel={() => setAdding(false)}
          onDone={() => {
            setAdding(false);
            onChanged();
          }}
        />
      ) : null}
      {unlinking ? (
        <UnlinkPanel
          key={unlinking.linkId}
          linkId={unlinking.linkId}
          title={t('hotspot.unlinkReport', { number: unlinking.number })}
          submit={(input) => invoke('hotspots.unlink', input)}
          onCancel={() => setUnlinking(null)}
          onDone={() => {
            setUnlinking(null);
            onChanged();
          }}
        />
      ) : null}
    </>
  );
}

function ReportSearchPanel({ hotspot, onDone, onCancel }: { readonly hotspot: HotspotView; readonly onDone: () => void; readonly onCancel: () => void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 300);
  const [found, setFound] = useState<readonly ReportRow[]>([]);
  const [error, setError] = useState<CallError | null>(null);
  useEffect(() => {
    if (q.length < 1) {
      setFound([]);
      return;
    }
    let current = true;
    void invoke('reports.list', { filters: { q }, limit: 10 }).then((result) => {
      if (current) setFound(result.ok ? result.value.rows.filter((r) => !hotspot.reports.some((l) => l.reportId === r.id)) : []);
    });
    return () => {
      current = false;
    };
  }, [q, hotspot.reports]);
  const link = (report: ReportRow) =>
    void invoke('hotspots.linkReport', { hotspotId: hotspot.id, reportId: report.id }).then((result) => (result.ok ? onDone() : setError(result.error)));
  return (
    <Panel id="hotspot-report-title" title={t('hotspot.addReport')}>
      <div className="field">
        <label htmlFor="hotspot-report-search" className="field-label">
          {t('hotspot.reportSearch')}
        </label>
        <input id="hotspot-report-search" className="input input-full" type="search" value={text} autoComplete="off" aria-describedby="hotspot-report-hint" onChange={(event) => setText(event.target.value)} />
        <p id="hotspot-report-hint" className="field-hint">
          {t('hotspot.reportSearchHint')}
        </p>
      </div>
      {error ? <Notice kind="error">{describeError(t, error)}</Notice> : null}
      {q.length > 0 ? (
        <ul className="picker-results" aria-label={t('picker.results')}>
          {found.length === 0 ? <li className="muted">{t('picker.none')}</li> : null}
          {found.map((report) => (
            <li key={report.id}>
              <span>
                {report.number} – {report.summary}
              </span>
              <Button small onClick={() => link(report)}>
                {t('picker.choose')}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="form-actions">
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </div>
    </Panel>
  );
}
