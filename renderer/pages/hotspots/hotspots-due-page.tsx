import type { HotspotRow } from '../../../api/views';
import { BoardToolbar } from '../../components/board-toolbar';
import { DataTable, type Column } from '../../components/data-table';
import { LoadedView } from '../../components/loaded-view';
import { Page } from '../../components/page';
import { useCall } from '../../data/use-call';
import { useBoardQuery } from '../../data/board-query';
import { useI18n } from '../../i18n';
import { href, paths } from '../../router';
import { hotspotColumns } from './hotspot-columns';

const sections = ['review', 'recheck'] as const;

/** Tụ điểm đến hạn: hotspots due for review, and cleared ones to check again (cleared spots come back). */
export function HotspotsDuePage() {
  const { t } = useI18n();
  const view = useBoardQuery('/hotspots/due', sections, 14);
  const { show, within } = view;
  const [due] = useCall('hotspots.due', { withinDays: within });
  const table = (rows: readonly HotspotRow[], today: string, caption: string, empty: string) => {
    const columns: Column<HotspotRow>[] = hotspotColumns(t, today).map((column) =>
      column.key === 'name' ? { ...column, cell: (h: HotspotRow) => <a href={href(paths.hotspot(h.id))}>{h.name}</a> } : column,
    );
    return <DataTable caption={caption} captionHidden columns={columns} rows={rows} rowKey={(h) => h.id} empty={empty} />;
  };
  return (
    <Page title={t('hotspotsDue.title')}>
      <BoardToolbar
        id="due"
        board={view}
        sections={[
          { value: 'review', label: t('overview.hotspotsReview') },
          { value: 'recheck', label: t('overview.hotspotsRecheck') },
        ]}
      />
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
