import type { ReminderItem } from '../../../api/views';
import { DataTable, type Column } from '../../components/data-table';
import { LoadedView } from '../../components/loaded-view';
import { Page } from '../../components/page';
import { useCall } from '../../data/use-call';
import { useBoardQuery } from '../../data/board-query';
import { formatIsoDate } from '../../format';
import { useI18n } from '../../i18n';
import { href, paths } from '../../router';
import { kindName } from '../people/kind-name';
import { usePeopleReference } from '../people/use-people-reference';
import { codeLabel } from '../register/labels';

const windows = [7, 14, 30, 60] as const;
const sections = ['overdue', 'upcoming'] as const;

/** Nhắc việc: what the management programs ask for: overdue first, then what comes within the window. */
export function RemindersPage() {
  const { t, lang } = useI18n();
  const { show, setShow, within, setWithin } = useBoardQuery('/reminders', sections, windows, 14);
  const [board] = useCall('programs.reminders', { withinDays: within });
  const reference = usePeopleReference();
  const kinds = reference.status === 'ready' ? reference.value.kinds : [];
  const columns: Column<ReminderItem>[] = [
    { key: 'on', header: t('reminder.on'), rowHeader: true, className: 'nowrap', cell: (r) => formatIsoDate(r.on) },
    { key: 'what', header: t('reminder.what'), cell: (r) => <a href={href(paths.program(r.programId))}>{codeLabel(t, 'reminder', r.what)}</a> },
    { key: 'person', header: t('person.fullName'), cell: (r) => <a href={href(paths.person(r.personId))}>{r.personName}</a> },
    { key: 'kind', header: t('program.kind'), cell: (r) => kindName(lang, kinds, r.kindCode) },
    { key: 'officer', header: t('program.officer'), cell: (r) => r.officerName ?? t('common.none') },
  ];
  return (
    <Page title={t('reminders.title')}>
      <div className="toolbar-row">
        <div className="field">
          <label htmlFor="reminders-window" className="field-label">
            {t('reminders.window')}
          </label>
          <select id="reminders-window" className="input input-short" value={within} onChange={(event) => setWithin(Number(event.target.value))}>
            {windows.map((days) => (
              <option key={days} value={days}>
                {t('reminders.days', { days })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="reminders-show" className="field-label">
            {t('deadlines.show')}
          </label>
          <select id="reminders-show" className="input input-medium" value={show ?? ''} onChange={(event) => setShow(sections.find((s) => s === event.target.value) ?? null)}>
            <option value="">{t('common.all')}</option>
            <option value="overdue">{t('reminders.overdueList')}</option>
            <option value="upcoming">{t('reminders.upcomingList')}</option>
          </select>
        </div>
      </div>
      <LoadedView loaded={board}>
        {(value) => (
          <>
            {show !== 'upcoming' ? (
            <section className="card board-overdue" aria-labelledby="reminders-overdue">
              <h2 id="reminders-overdue">{t('reminders.overdue', { count: value.overdue.length })}</h2>
              <DataTable caption={t('reminders.overdueList')} captionHidden columns={columns} rows={value.overdue} rowKey={(r) => `${r.programId}-${r.what}`} empty={t('reminders.noneOverdue')} />
            </section>
            ) : null}
            {show !== 'overdue' ? (
            <section className="card board-soon" aria-labelledby="reminders-upcoming">
              <h2 id="reminders-upcoming">{t('reminders.upcoming', { count: value.upcoming.length })}</h2>
              <DataTable caption={t('reminders.upcomingList')} captionHidden columns={columns} rows={value.upcoming} rowKey={(r) => `${r.programId}-${r.what}`} empty={t('reminders.noneUpcoming')} />
            </section>
            ) : null}
          </>
        )}
      </LoadedView>
    </Page>
  );
}
