import { useEffect, useState } from 'react';
import type { DeadlineBoard, DeadlineItem } from '../../../api/views';
import { Button } from '../../components/button';
import { DataTable, type Column } from '../../components/data-table';
import { Field } from '../../components/field';
import { LoadedView } from '../../components/loaded-view';
import { Page } from '../../components/page';
import { useCall } from '../../data/use-call';
import { useOffices, withOfficeColumn, type Offices } from '../../data/use-offices';
import { formatNumber } from '../../format';
import { useI18n, type MessageKey } from '../../i18n';
import { deadlinesPath } from '../../print/print-route';
import { href, navigate, routeQuery, useRoute, type Path } from '../../router';
import { deadlineColumns } from './deadline-columns';

const HORIZONS = [1, 3, 7, 14, 30] as const;
type Section = 'overdue' | 'today' | 'soon';
const sections: readonly { readonly key: Section; readonly title: MessageKey }[] = [
  { key: 'overdue', title: 'deadlines.overdue' },
  { key: 'today', title: 'deadlines.today' },
  { key: 'soon', title: 'deadlines.soon' },
];

/** Items grouped by officer, in the order the officers first appear (most urgent first); unassigned last. */
function byOfficer(items: readonly DeadlineItem[]): { readonly officerId: string | null; readonly name: string | null; readonly items: DeadlineItem[] }[] {
  const groups = new Map<string | null, { officerId: string | null; name: string | null; items: DeadlineItem[] }>();
  for (const item of items) {
    const group = groups.get(item.officerId) ?? { officerId: item.officerId, name: item.officerName, items: [] };
    group.items.push(item);
    groups.set(item.officerId, group);
  }
  return [...groups.values()].sort((a, b) => (a.officerId === null ? 1 : 0) - (b.officerId === null ? 1 : 0));
}

const isSection = (value: string | null): value is Section => sections.some((section) => section.key === value);

/** The page's choices as its address holds them ("/deadlines?show=overdue&within=3"): a dashboard tile opens the list it counts. */
export function deadlinesQuery(view: { readonly show: Section | null; readonly withinDays: number }): Path {
  const query = new URLSearchParams();
  if (view.show) query.set('show', view.show);
  query.set('within', String(view.withinDays));
  return `/deadlines?${query.toString()}`;
}

function readQuery(): { show: Section | null; withinDays: number } {
  const query = new URLSearchParams(routeQuery());
  const show = query.get('show');
  const within = Number(query.get('within'));
  return { show: isSection(show) ? show : null, withinDays: (HORIZONS as readonly number[]).includes(within) ? within : 3 };
}

/** Thời hạn giải quyết tin báo: what is overdue, due today and due within the next days, per officer. */
export function DeadlinesPage() {
  const { t } = useI18n();
  const [initial] = useState(readQuery);
  const [withinDays, setWithinDays] = useState<number>(initial.withinDays);
  const [show, setShow] = useState<Section | null>(initial.show);
  const offices = useOffices();
  const [officeId, setOfficeId] = useState('');
  const [board] = useCall('reports.deadlines', { withinDays, officeId: officeId || null });
  useEffect(() => navigate(deadlinesQuery({ show, withinDays }), true), [show, withinDays]);
  // The address changed from outside (the side menu, a dashboard tile, back): the page follows it.
  const route = useRoute();
  useEffect(() => {
    const asked = readQuery();
    setShow(asked.show);
    setWithinDays(asked.withinDays);
  }, [route]);
  const shown = show === null ? sections : sections.filter((section) => section.key === show);

  return (
    <Page title={t('deadlines.title')}>
      <div className="page-actions">
        <Button href={href(deadlinesPath(withinDays))}>{t('print.deadlines')}</Button>
      </div>
      <div className="toolbar-row">
        {offices.many ? (
          <Field id="deadlines-office" label={t('office.filter')}>
            {(aria) => (
              <select {...aria} className="input input-medium" value={officeId} onChange={(event) => setOfficeId(event.target.value)}>
                {offices.options(t('common.all')).map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        <Field id="deadlines-show" label={t('deadlines.show')}>
          {(aria) => (
            <select {...aria} className="input input-medium" value={show ?? ''} onChange={(event) => setShow(isSection(event.target.value) ? event.target.value : null)}>
              <option value="">{t('common.all')}</option>
              {sections.map((section) => (
                <option key={section.key} value={section.key}>
                  {t(section.title)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="deadlines-within" label={t('deadlines.within')}>
          {(aria) => (
            <select {...aria} className="input input-medium" value={withinDays} onChange={(event) => setWithinDays(Number(event.target.value))}>
              {HORIZONS.map((n) => (
                <option key={n} value={n}>
                  {t('deadlines.withinDays', { n })}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <LoadedView loaded={board}>{(value) => shown.map((section) => <BoardSection key={section.key} board={value} section={section.key} title={t(section.title)} offices={offices} />)}</LoadedView>
    </Page>
  );
}

function BoardSection({ board, section, title, offices }: { readonly board: DeadlineBoard; readonly section: Section; readonly title: string; readonly offices: Offices }) {
  const { t } = useI18n();
  const items = board[section];
  const count = board.counts[section];
  const headingId = `deadlines-${section}`;
  const columns = withOfficeColumn<DeadlineItem, Column<DeadlineItem>>(deadlineColumns(t, board.now), offices, t);
  return (
    <section className={`card board-${section}`} aria-labelledby={headingId}>
      <h2 id={headingId}>
        {title} <span className="count">({formatNumber(count)})</span>
        {items.length < count ? <span className="muted"> – {t('deadlines.capped', { shown: formatNumber(items.length) })}</span> : null}
      </h2>
      {items.length === 0 ? <p className="muted">{t('deadlines.none')}</p> : null}
      {byOfficer(items).map((group) => {
        const name = group.name ?? t('deadlines.unassigned');
        return (
          <DataTable
            key={group.officerId ?? 'none'}
            caption={`${name} (${formatNumber(group.items.length)})`}
            columns={columns}
            rows={group.items}
            rowKey={(item) => `${item.reportId}-${item.kind}`}
            empty={t('deadlines.none')}
          />
        );
      })}
    </section>
  );
}
