import { useState } from 'react';
import { officeCalls } from '../../api/calls/office';
import type { HolidayDayView, HolidayYearView } from '../../api/views';
import { invoke } from '../api-client';
import { Button } from '../components/button';
import { CheckboxField } from '../components/checkbox-field';
import { DataTable, type Column } from '../components/data-table';
import { FormFrame } from '../components/form-frame';
import { LoadedView } from '../components/loaded-view';
import { Notice } from '../components/notice';
import { Page } from '../components/page';
import { ReasonPanel } from '../components/reason-panel';
import { TextField } from '../components/text-field';
import { useCall } from '../data/use-call';
import { describeError } from '../errors';
import { useForm } from '../forms/use-form';
import { formatDate, formatIsoDate } from '../format';
import { useI18n, type MessageKey } from '../i18n';
import { useCan } from '../session/session-context';
import { isoDateOf } from '../../core/vn-time';

const sourceLabels: Readonly<Record<HolidayDayView['source'], MessageKey>> = {
  law: 'hol.source.law',
  higher: 'hol.source.higher',
  office: 'hol.source.office',
};

/** The year asked for in the address ("#/holidays?year=2028"), else this year. */
function initialYear(): number {
  const asked = Number(new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('year'));
  return Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : Number(isoDateOf(Date.now()).slice(0, 4));
}

type Action = { readonly kind: 'remove' | 'restore'; readonly day: HolidayDayView };

/**
 * Ngày nghỉ lễ, tết: a year's days off, computed by law (core/holidays.ts) with what the higher office
 * and this office changed on top, and where each comes from. Everyone reads; a chief or an administrator
 * adds a day (or a weekend day worked in the Government's swap), removes one with a reason (a statutory
 * day removed stays listed as a working day), and
 * confirms the year's list once it matches the Government's schedule.
 */
export function HolidaysPage() {
  const { t, lang } = useI18n();
  const canEdit = useCan('office.lead');
  const [year, setYear] = useState(initialYear);
  const [list, reload] = useCall('holidays.year', { year });
  const [action, setAction] = useState<Action | null>(null);
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const weekday = new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { weekday: 'long', timeZone: 'UTC' });

  const changeYear = (next: number) => {
    setYear(next);
    setAction(null);
    setNotice(null);
  };
  const done = (text: string) => {
    setAction(null);
    setNotice({ kind: 'success', text });
    reload();
  };
  const confirm = async () => {
    setConfirming(true);
    const result = await invoke('holidays.confirm', { year });
    setConfirming(false);
    setNotice(result.ok ? { kind: 'success', text: t('hol.confirmedNow', { year }) } : { kind: 'error', text: describeError(t, result.error) });
    if (result.ok) reload();
  };

  const columns: readonly Column<HolidayDayView>[] = [
    {
      key: 'date',
      header: t('hol.date'),
      rowHeader: true,
      className: 'nowrap',
      cell: (day) => (
        <>
          {formatIsoDate(day.date)}
          <br />
          <span className="muted">{weekday.format(new Date(`${day.date}T00:00:00Z`))}</span>
        </>
      ),
    },
    {
      key: 'name',
      header: t('hol.name'),
      cell: (day) => (
        <>
          {day.off ? day.name : day.lawName !== null ? <s>{day.lawName}</s> : <strong>{t('hol.workedDay')}</strong>}
          {!day.off ? <div>{day.name}</div> : null}
          {day.off && day.lawName !== null && day.lawName !== day.name ? <div className="muted">{t('hol.lawName', { name: day.lawName })}</div> : null}
        </>
      ),
    },
    { key: 'source', header: t('hol.source'), className: 'nowrap', cell: (day) => t(sourceLabels[day.source]) },
    { key: 'state', header: t('hol.state'), className: 'nowrap', cell: (day) => t(day.off ? 'hol.off' : 'hol.working') },
    ...(canEdit
      ? [
          {
            key: 'actions',
            header: t('hol.actions'),
            className: 'nowrap',
            cell: (day: HolidayDayView) =>
              day.off ? (
                <Button small variant="quiet" onClick={() => setAction({ kind: 'remove', day })}>
                  {t('hol.remove')}
                </Button>
              ) : day.id !== null ? (
                <Button small variant="quiet" onClick={() => setAction({ kind: 'restore', day })}>
                  {t('hol.restore')}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <Page title={t('hol.title', { year })}>
      <nav className="toolbar" aria-label={t('hol.year')}>
        <div className="toolbar-row">
          <Button small onClick={() => changeYear(year - 1)} disabled={year <= 2000}>
            {t('hol.previous', { year: year - 1 })}
          </Button>
          <strong>{year}</strong>
          <Button small onClick={() => changeYear(year + 1)} disabled={year >= 2100}>
            {t('hol.next', { year: year + 1 })}
          </Button>
        </div>
      </nav>
      <p className="muted">{t('hol.intro')}</p>
      {notice ? <Notice kind={notice.kind}>{notice.text}</Notice> : null}
      <LoadedView loaded={list}>
        {(value: HolidayYearView) => (
          <>
            <section className="card" aria-labelledby="holidays-status">
              <h2 id="holidays-status" className="sr-only">
                {t('hol.state')}
              </h2>
              {value.confirmedAt !== null ? (
                <p>{t('hol.confirmed', { year: value.year, name: value.confirmedBy ?? '', date: formatDate(value.confirmedAt) })}</p>
              ) : (
                <p>
                  <strong>{t('hol.notConfirmed', { year: value.year })}</strong>
                </p>
              )}
              {canEdit ? (
                <Button variant={value.confirmedAt === null ? 'primary' : 'secondary'} busy={confirming} onClick={() => void confirm()}>
                  {t('hol.confirm', { year: value.year })}
                </Button>
              ) : (
                <p className="muted">{t('hol.readOnly')}</p>
              )}
            </section>
            {action ? (
              <ReasonPanel
                id="holiday-action"
                title={t(action.kind === 'remove' ? 'hol.removeTitle' : 'hol.restoreTitle', { date: formatIsoDate(action.day.date) })}
                reasonLabel={t(action.kind === 'remove' ? 'hol.removeReason' : 'hol.restoreReason')}
                submitLabel={t(action.kind === 'remove' ? 'hol.remove' : 'hol.restore')}
                maxLength={200}
                submit={(reason) =>
                  action.kind === 'remove'
                    ? invoke('holidays.remove', { date: action.day.date, reason })
                    : invoke('holidays.void', { id: action.day.id!, reason })
                }
                onDone={() => done(t(action.kind === 'remove' ? 'hol.removed' : 'hol.restored', { date: formatIsoDate(action.day.date) }))}
                onCancel={() => setAction(null)}
              >
                <p>{t(action.kind === 'remove' ? 'hol.removeHint' : 'hol.restoreHint')}</p>
              </ReasonPanel>
            ) : null}
            <section className="card" aria-labelledby="holidays-list">
              <h2 id="holidays-list">{t('hol.title', { year: value.year })}</h2>
              <DataTable caption={t('hol.title', { year: value.year })} captionHidden columns={columns} rows={value.days} rowKey={(day) => day.date} empty={t('hol.empty')} />
              <p className="muted">{t('hol.sourcesHint')}</p>
            </section>
          </>
        )}
      </LoadedView>
      {canEdit ? (
        <section className="card" aria-labelledby="holidays-add">
          <h2 id="holidays-add">{t('hol.add')}</h2>
          <p className="muted">{t('hol.addHint')}</p>
          <HolidayForm onCreated={(date, worked) => done(t(worked ? 'hol.addedWorked' : 'hol.added', { date: formatIsoDate(date) }))} />
        </section>
      ) : null}
    </Page>
  );
}

function HolidayForm({ onCreated }: { readonly onCreated: (date: string, worked: boolean) => void }) {
  const { t } = useI18n();
  const form = useForm({
    schema: officeCalls['holidays.create'].input,
    initial: { date: '', name: '', worked: false },
    submit: (input) => invoke('holidays.create', input),
    onSuccess: (created) => onCreated(created.date, form.values.worked === true),
    resetOnSuccess: true,
  });
  return (
    <FormFrame form={form} submitLabel={t('hol.add')} labelledBy="holidays-add">
      <div className="field-row">
        <TextField {...form.field('date')} type="date" label={t('hol.date')} required />
        <TextField {...form.field('name')} label={t('hol.addName')} required />
      </div>
      <CheckboxField {...form.field('worked')} label={t('hol.worked')} hint={t('hol.workedHint')} />
    </FormFrame>
  );
}
