import type { HotspotRow } from '../../../api/views';
import { DataTable, type Column } from '../../components/data-table';
import { LoadedView } from '../../components/loaded-view';
import { Page } from '../../components/page';
import { useCall } from '../../data/use-call';
import { useBoardQuery } from '../../data/board-query';
import { useI18n } from '../../i18n';
import { href, paths } from '../../router';
import { hotspotColumns } from './hotspot-columns';

const windows = [7, 14, 30, 60] as const;
const sections = ['review', 'recheck'] as const;

/** Tụ điểm đến hạn: hotspots due for review, and cleared ones to check again (cleared spots come back). */
export function HotspotsDuePage() {
  const { t } = useI18n();
  const { show, setShow, within, setWithin } = useBoardQuery('/hotspots/due', sections, windows, 14);
  const [due] = useCall('hotspots.due', { withinDays: within });
  const table = (rows: readonly HotspotRow[], today: string, caption: string, empty: string) => {
    const columns: Column<HotspotRow>[] = hotspotColumns(t, today).map((column) =>
      column.key === 'name' ? { ...column, cell: (h: HotspotRow) => <a href={href(paths.hotspot(h.id))}>{h.name}</a> } : column,
    );
    return <DataTable caption={caption} captionHidden columns={columns} rows={rows} rowKey={(h) => h.id} empty={empty} />;
  };
  return (
    <Page title={t('hotspotsDue.title')}>
      <div className="toolbar-row">
        <div className="field">
          <label htmlFor="due-window" className="field-label">
            {t('reminders.window')}
          </label>
          <select id="due-window" className="input input-short" value={within} onChange={(event) => setWithin(Number(event.target.value))}>
            {windows.map((days) => (
              <option key={days} value={days}>
                {t('reminders.days', { days })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="due-show" className="field-label">
            {t('deadlines.show')}
          </label>
          <select id="due-show" className="input input-medium" value={show ?? ''} onChange={(event) => setShow(sections.find((s) => s === event.target.value) ?? null)}>
            <option value="">{t('common.all')}</option>
            <option value="review">{t('overview.hotspotsReview')}</option>
            <option value="recheck">{t('overview.hotspotsRecheck')}</option>
          </select>
        </div>
      </div>
      <LoadedView loaded={due}>
        {(value) => (
          <>
            {show !== 'recheck' ? (
            <section className="card board-overdue" aria-labelledby="due-review">
              <h2 id="due-review">{t('hotspotsDue.review', { count: value.review.length })}</h2>
              {table(value.review, value.today, t('hotspotsDue.review', { count: value.review.length }), t('hotspotsDue.noneReview'))}
            </section>
            ) : null}
            {show !== 'review' ? (
            <section className="card board-soon" aria-labelledby="due-recheck">
              <h2 id="due-recheck">{t('hotspotsDue.recheck', { count: value.recheck.length })}</h2>
              {table(value.recheck, value.today, t('hotspotsDue.recheck', { count: value.recheck.length }), t('hotspotsDue.noneRecheck'))}
            </section>
            ) : null}
          </>
        )}
      </LoadedView>
    </Page>
  );
}
