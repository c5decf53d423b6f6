import { useState } from 'react';
import type { ReminderItem } from '../../../api/views';
import { DataTable, type Column } from '../../components/data-table';
import { LoadedView } from '../../components/loaded-view';
import { Page } from '../../components/page';
import { useCall } from '../../data/use-call';
import { formatIsoDate } from '../../format';
import { useI18n } from '../../i18n';
import { href, paths } from '../../router';
import { kindName } from '../people/kind-name';
import { usePeopleReference } from '../people/use-people-reference';
import { codeLabel } from '../register/labels';

const windows = [7, 14, 30, 60] as const;

/** Nhắc việc: what the management programs ask for: overdue first, then what comes within the window. */
export function RemindersPage() {
  const { t, lang } = useI18n();
  const [within, setWithin] = useState<number>(14);
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
      <LoadedView loaded={board}>
        {(value) => (
          <>
            <section className="card board-overdue" aria-labelledby="reminders-overdue">
              <h2 id="reminders-overdue">{t('reminders.overdue', { count: value.overdue.length })}</h2>
              <DataTable caption={t('reminders.overdueList')} captionHidden columns={columns} rows={value.overdue} rowKey={(r) => `${r.programId}-${r.what}`} empty={t('reminders.noneOverdue')} />
            </section>
            <section className="card board-soon" aria-labelledby="reminders-upcoming">
              <h2 id="reminders-upcoming">{t('reminders.upcoming', { count: value.upcoming.length })}</h2>
              <DataTable caption={t('reminders.upcomingList')} captionHidden columns={columns} rows={value.upcoming} rowKey={(r) => `${r.programId}-${r.what}`} empty={t('reminders.noneUpcoming')} />
            </section>
          </>
        )}
      </LoadedView>
    </Page>
  );
}
