import type { ReminderItem } from '../../../api/views';
import { BoardToolbar } from '../../components/board-toolbar';
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

const sections = ['overdue', 'upcoming'] as const;

/** Nhắc việc: what the management programs ask for: overdue first, then what comes within the window. */
export function RemindersPage() {
  const { t, lang } = useI18n();
  const view = useBoardQuery('/reminders', sections, 14);
  const { show, within } = view;
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
      <BoardToolbar
        id="reminders"
        board={view}
        sections={[
          { value: 'overdue', label: t('reminders.overdueList') },
          { value: 'upcoming', label: t('reminders.upcomingList') },
        ]}
      />
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
