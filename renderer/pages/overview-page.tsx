import { DetailsList } from '../components/details-list';
import { LoadedView } from '../components/loaded-view';
import { Notice } from '../components/notice';
import { Page } from '../components/page';
import { useCall } from '../data/use-call';
import { formatNumber } from '../format';
import { useI18n, type MessageKey } from '../i18n';
import { href } from '../router';
import { boardPath } from '../data/board-query';
import { useSession } from '../session/session-context';
import { isoDateOf, monthStart } from '../../core/vn-time';
import { deadlinesQuery } from './register/deadlines-page';
import { TodayWork } from './today-work';

const tiles: readonly { readonly key: 'overdue' | 'today' | 'soon'; readonly label: MessageKey }[] = [
  { key: 'overdue', label: 'deadlines.overdue' },
  { key: 'today', label: 'deadlines.today' },
  { key: 'soon', label: 'deadlines.soon' },
];

/** The horizon of the dashboard's "sắp đến hạn" (the deadlines page opens with the same). */
const BOARD_DAYS = 3;
/** The window of the people and hotspot tiles (the card says "7 ngày tới"); their lists open with it. */
const PEOPLE_DAYS = 7;

/** The welcome page: the register's deadlines at a glance, the office and the logged-in user. */
export function OverviewPage() {
  const { t } = useI18n();
  const { session } = useSession();
  const { office, user, idleLockMinutes } = session;
  const orNone = (text: string) => text || t('common.none');
  const today = isoDateOf(Date.now());
  const [board] = useCall('reports.deadlines', { withinDays: BOARD_DAYS });
  const [month] = useCall('reports.list', { filters: { from: monthStart(today), to: today }, limit: 1 });
  const [reminders] = useCall('programs.reminders', { withinDays: PEOPLE_DAYS });
  const [hotspotsDue] = useCall('hotspots.due', { withinDays: PEOPLE_DAYS });
  const [holidaysPending] = useCall('holidays.pending', {});
  const pendingYear = holidaysPending.status === 'ready' ? holidaysPending.value.year : null;
  const count = (value: number | null) => (value === null ? '…' : formatNumber(value));

  return (
    <Page title={t('nav.overview')}>
      <p className="lead">{t('overview.welcome', { name: user.fullName })}</p>
      {pendingYear !== null ? (
        <Notice kind="info">
          {t('overview.holidaysPending', { year: pendingYear })}{' '}
          <a href={href(`/holidays?year=${pendingYear}`)}>{t('overview.holidaysOpen', { year: pendingYear })}</a>
        </Notice>
      ) : null}
      <section className="card" aria-labelledby="overview-deadlines">
        <h2 id="overview-deadlines">{t('overview.deadlines')}</h2>
        <LoadedView loaded={board}>
          {(value) => (
            <ul className="tiles">
              {tiles.map((tile) => (
                <li key={tile.key}>
                  <a className={`tile tile-${tile.key}`} href={href(deadlinesQuery({ show: tile.key, withinDays: BOARD_DAYS }))}>
                    <span className="tile-count">{formatNumber(value.counts[tile.key])}</span>
                    <span className="tile-label">{t(tile.label)}</span>
                  </a>
                </li>
              ))}
              <li>
                <a className="tile" href={href(`/reports?${new URLSearchParams({ from: monthStart(today), to: today }).toString()}`)}>
                  <span className="tile-count">{month.status === 'ready' ? formatNumber(month.value.total ?? 0) : '…'}</span>
                  <span className="tile-label">{t('overview.receivedThisMonth')}</span>
                </a>
              </li>
            </ul>
          )}
        </LoadedView>
      </section>
      {board.status === 'ready' ? <TodayWork board={board.value} userId={user.id} /> : null}
      <section className="card" aria-labelledby="overview-people">
        <h2 id="overview-people">{t('overview.people')}</h2>
        <ul className="tiles">
          <li>
            <a className="tile tile-overdue" href={href(boardPath('/reminders', { show: 'overdue', within: PEOPLE_DAYS }))}>
              <span className="tile-count">{count(reminders.status === 'ready' ? reminders.value.overdue.length : null)}</span>
              <span className="tile-label">{t('overview.remindersOverdue')}</span>
            </a>
          </li>
          <li>
            <a className="tile" href={href(boardPath('/reminders', { show: 'upcoming', within: PEOPLE_DAYS }))}>
              <span className="tile-count">{count(reminders.status === 'ready' ? reminders.value.upcoming.length : null)}</span>
              <span className="tile-label">{t('overview.remindersUpcoming')}</span>
            </a>
          </li>
          <li>
            <a className="tile tile-today" href={href(boardPath('/hotspots/due', { show: 'review', within: PEOPLE_DAYS }))}>
              <span className="tile-count">{count(hotspotsDue.status === 'ready' ? hotspotsDue.value.review.length : null)}</span>
              <span className="tile-label">{t('overview.hotspotsReview')}</span>
            </a>
          </li>
          <li>
            <a className="tile" href={href(boardPath('/hotspots/due', { show: 'recheck', within: PEOPLE_DAYS }))}>
              <span className="tile-count">{count(hotspotsDue.status === 'ready' ? hotspotsDue.value.recheck.length : null)}</span>
              <span className="tile-label">{t('overview.hotspotsRecheck')}</span>
            </a>
          </li>
        </ul>
      </section>
      <div className="cards">
        <section className="card" aria-labelledby="overview-office">
          <h2 id="overview-office">{t('overview.officeCard')}</h2>
          <DetailsList
            items={[
              { label: t('office.name'), value: office.name },
              { label: t('office.code'), value: office.code },
              { label: t('office.level'), value: t(`level.${office.level}`) },
              { label: t('office.parent'), value: `${office.parentName} (${office.parentCode})` },
            ]}
          />
        </section>
        <section className="card" aria-labelledby="overview-user">
          <h2 id="overview-user">{t('overview.userCard')}</h2>
          <DetailsList
            items={[
              { label: t('user.fullName'), value: user.fullName },
              { label: t('user.rank'), value: orNone(user.rank) },
              { label: t('user.position'), value: orNone(user.position) },
              { label: t('user.role'), value: t(`role.${user.role}`) },
              { label: t('user.username'), value: user.username },
            ]}
          />
          <p className="muted">{t('overview.idleLock', { minutes: idleLockMinutes })}</p>
        </section>
      </div>
    </Page>
  );
}
