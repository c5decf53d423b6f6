import type { CampaignView, MeasureResult } from '../../../api/views';
import { DataTable, type Column } from '../../components/data-table';
import { useI18n, type I18n } from '../../i18n';
import { changeFrom, formatPercent, formatQuantity, measureName } from './campaign-format';
import { unitName } from '../../format';

/** "tăng 2 (50%)", "giảm 1 (25%)", "chưa có số liệu" when there was nothing last year. */
export function changeText(t: I18n['t'], previous: number, current: number): string {
  const change = changeFrom(previous, current);
  if (change.kind === 'none') return t('results.noData');
  if (change.kind === 'same') return t('results.same');
  return t(change.kind === 'up' ? 'results.up' : 'results.down', { n: formatQuantity(change.n), p: formatQuantity(change.percent) });
}

function ProgressBar({ result }: { readonly result: MeasureResult }) {
  const { t, lang } = useI18n();
  if (result.percent === null) return <span className="muted">{t('common.none')}</span>;
  const shown = Math.min(result.percent, 100);
  return (
    <div className="campaign-progress">
      <span className="campaign-percent">{formatPercent(result.percent)}</span>
      <div
        className="progress-bar"
        role="progressbar"
        aria-label={t('results.progress', { measure: measureName(lang, result.measure) })}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={shown}
        aria-valuetext={formatPercent(result.percent)}
      >
        <div className={`progress-bar-fill${result.percent >= 100 ? ' progress-bar-done' : ''}`} style={{ width: `${shown}%` }} />
      </div>
    </div>
  );
}

/** Each measure: target, result (counted and adjusted), share with a bar, previous campaign, last year. */
export function CampaignResults({ campaign }: { readonly campaign: CampaignView }) {
  const { t, lang } = useI18n();
  const none = t('common.none');
  const withUnit = (value: number, unit: string) => `${formatQuantity(value)} ${unitName(lang, unit)}`;
  const columns: Column<MeasureResult>[] = [
    { key: 'measure', header: t('results.measure'), rowHeader: true, cell: (r) => measureName(lang, r.measure) },
    { key: 'target', header: t('results.target'), className: 'nowrap', cell: (r) => (r.target === null ? t('results.noTarget') : withUnit(r.target, r.measure.unit)) },
    {
      key: 'result',
      header: t('results.result'),
      cell: (r) => (
        <>
          <span className="nowrap campaign-result">{withUnit(r.result, r.measure.unit)}</span>
          {r.adjustments.length > 0 ? (
            <>
              <span className="cell-line muted">{t('results.counted', { value: formatQuantity(r.counted) })}</span>
              <ul className="adjustments">
                {r.adjustments.map((a, index) => (
                  <li key={index}>{t('results.adjustment', { delta: `${a.delta > 0 ? '+' : ''}${formatQuantity(a.delta)}`, reason: a.reason })}</li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ),
    },
    { key: 'percent', header: t('results.percent'), cell: (r) => <ProgressBar result={r} /> },
    { key: 'previous', header: t('results.previous'), className: 'nowrap', cell: (r) => (r.previousCampaign === null ? none : formatQuantity(r.previousCampaign)) },
    {
      key: 'lastYear',
      header: t('results.lastYear'),
      cell: (r) => (
        <>
          <span className="nowrap">{formatQuantity(r.sameTimeLastYear)}</span>
          <span className="cell-line muted">{changeText(t, r.sameTimeLastYear, r.result)}</span>
        </>
      ),
    },
  ];
  return <DataTable caption={t('results.title')} captionHidden columns={columns} rows={campaign.results} rowKey={(r) => r.measure.code} empty={t('results.empty')} />;
}
