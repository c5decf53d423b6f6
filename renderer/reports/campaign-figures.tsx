import type { PeriodicFigures } from '../../api/views';
import { DataTable, type Column } from '../components/data-table';
import { formatIsoDate } from '../format';
import { useI18n } from '../i18n';
import { formatFigure } from './figure-format';

type Result = PeriodicFigures['campaigns'][number]['results'][number];

/** The peak campaigns that overlap the period, each with its targets beside its results. */
export function CampaignFigures({ campaigns }: { readonly campaigns: PeriodicFigures['campaigns'] }) {
  const { t, lang } = useI18n();
  const none = t('common.none');
  if (campaigns.length === 0) return <p className="muted">{t('periodic.campaigns.empty')}</p>;
  const withUnit = (value: number, r: Result) => `${formatFigure(value, 'quantity')} ${r.measure.unit}`;
  const columns: Column<Result>[] = [
    { key: 'measure', header: t('periodic.col.label'), rowHeader: true, cell: (r) => (lang === 'en' && r.measure.en ? r.measure.en : r.measure.vi) },
    { key: 'target', header: t('periodic.campaign.target'), className: 'figure-number', cell: (r) => withUnit(r.target, r) },
    { key: 'result', header: t('periodic.campaign.result'), className: 'figure-number', cell: (r) => withUnit(r.result, r) },
    { key: 'percent', header: t('periodic.campaign.percent'), className: 'figure-number', cell: (r) => formatFigure(r.percent, 'percent', none) },
  ];
  return (
    <>
      {campaigns.map((c) => (
        <DataTable
          key={c.id}
          caption={`${c.name} (${t('campaign.periodValue', { from: formatIsoDate(c.startDate), to: formatIsoDate(c.endDate) }).toLocaleLowerCase(lang)})`}
          columns={columns}
          rows={c.results}
          rowKey={(r) => r.measure.code}
          empty={t('periodic.campaigns.noTargets')}
        />
      ))}
    </>
  );
}
