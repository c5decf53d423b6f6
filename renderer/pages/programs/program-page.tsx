import { useState } from 'react';
import type { CheckinView, ProgramView } from '../../../api/views';
import { Button } from '../../components/button';
import { DataTable, type Column } from '../../components/data-table';
import { DetailsList } from '../../components/details-list';
import { LoadedView } from '../../components/loaded-view';
import { Notice } from '../../components/notice';
import { Page } from '../../components/page';
import { useCall } from '../../data/use-call';
import { formatIsoDate } from '../../format';
import { OtherOfficeNotice } from '../../components/other-office-notice';
import { useOwnRecord } from '../../data/use-offices';
import { useI18n } from '../../i18n';
import type { Message } from '../../i18n/message';
import { href, paths } from '../../router';
import { useCan } from '../../session/session-context';
import { kindName } from '../people/kind-name';
import { usePeopleReference, type PeopleReference } from '../people/use-people-reference';
import { codeLabel } from '../register/labels';
import { CheckinForm } from './checkin-form';
import { ProgramCreatePanel } from './program-create-panel';
import { ProgramEndPanel } from './program-end-panel';

/** One management program: its decision and dates (corrected while it runs), its check-ins and the form for the next one, its end. */
export function ProgramPage({ id }: { readonly id: string }) {
  const { t } = useI18n();
  const [program, reload] = useCall('programs.get', { id });
  const reference = usePeopleReference();
  const [notice, setNotice] = useState<Message | null>(null);
  const title = program.status === 'ready' ? t('program.title', { name: program.value.personName }) : t('programs.title');
  return (
    <Page title={title}>
      <p>
        <a href={href('/programs')}>{t('programs.backToList')}</a>
      </p>
      {notice ? <Notice kind="success">{t(notice.key, notice.params)}</Notice> : null}
      <LoadedView loaded={reference}>
        {(ref) => (
          <LoadedView loaded={program}>
            {(value) => (
              <ProgramDetails
                program={value}
                reference={ref}
                onChanged={(message) => {
                  setNotice(message);
                  reload();
                }}
              />
            )}
          </LoadedView>
        )}
      </LoadedView>
    </Page>
  );
}

function ProgramDetails({ program, reference, onChanged }: { readonly program: ProgramView; readonly reference: PeopleReference; readonly onChanged: (message: Message) => void }) {
  const { t, lang } = useI18n();
  const own = useOwnRecord(program);
  const canWrite = useCan('records.write') && own;
  const [ending, setEnding] = useState(false);
  const [editing, setEditing] = useState(false);
  const none = t('common.none');
  const active = program.status === 'active';
  const kind = reference.kinds.find((k) => k.code === program.kindCode);
  const columns: Column<CheckinView>[] = [
    { key: 'date', header: t('checkin.date'), rowHeader: true, className: 'nowrap', cell: (c) => formatIsoDate(c.date) },
    { key: 'officer', header: t('program.officer'), cell: (c) => c.officerName ?? none },
    { key: 'test', header: t('checkin.drugTest'), cell: (c) => (c.drugTestResult ? codeLabel(t, 'drugTest', c.drugTestResult) : none) },
    { key: 'result', header: t('checkin.result'), cell: (c) => c.result || none },
  ];
  return (
    <>
      <OtherOfficeNotice officeId={program.officeId} />
      <div className="page-actions">
        <span className="status-pill">{codeLabel(t, 'programStatus', program.status)}</span>
        <Button href={href(paths.person(program.personId))}>{t('program.openPerson')}</Button>
        {canWrite && active ? (
          <Button onClick={() => setEditing(true)} expanded={editing}>
            {t('program.edit')}
          </Button>
        ) : null}
        {canWrite && active ? (
          <Button variant="danger" onClick={() => setEnding(true)}>
            {t('program.end')}
          </Button>
        ) : null}
      </div>
      {editing ? (
        <ProgramCreatePanel
          personId={program.personId}
          program={program}
          reference={reference}
          onCancel={() => setEditing(false)}
          onDone={() => {
            setEditing(false);
            onChanged({ key: 'program.saved' });
          }}
        />
      ) : null}
      {ending ? (
        <ProgramEndPanel
          program={program}
          onCancel={() => setEnding(false)}
          onDone={() => {
            setEnding(false);
            onChanged({ key: 'program.ended' });
          }}
        />
      ) : null}
      <section className="card" aria-labelledby="program-details">
        <h2 id="program-details">{t('program.details')}</h2>
        <DetailsList
          items={[
            { label: t('person.fullName'), value: <a href={href(paths.person(program.personId))}>{program.personName}</a> },
            { label: t('program.kind'), value: kindName(lang, reference.kinds, program.kindCode) },
            { label: t('program.source'), value: kind?.source || none },
            { label: t('program.decisionNo'), value: program.decisionNo || none },
            { label: t('program.decisionDate'), value: program.decisionDate ? formatIsoDate(program.decisionDate) : none },
            { label: t('program.startDate'), value: formatIsoDate(program.startDate) },
            { label: t('program.endDate'), value: program.endDate ? formatIsoDate(program.endDate) : none },
            ...(program.endOverrideReason ? [{ label: t('program.overrideReason'), value: program.endOverrideReason }] : []),
            { label: t('program.officer'), value: program.officerName ?? none },
            ...(active
              ? [
                  { label: t('program.nextCheckin'), value: program.nextCheckinOn ? formatIsoDate(program.nextCheckinOn) : none },
                  { label: t('program.nextTest'), value: program.nextTestOn ? formatIsoDate(program.nextTestOn) : none },
                ]
              : [
                  { label: t('program.endedOn'), value: program.endedOn ? formatIsoDate(program.endedOn) : none },
                  { label: t('program.endReason'), value: program.endReason ? codeLabel(t, 'endReason', program.endReason) : none },
                  { label: t('program.endNote'), value: program.endNote || none },
                ]),
          ]}
        />
      </section>
      <section className="card" aria-labelledby="program-checkins">
        <h2 id="program-checkins">{t('checkin.list')}</h2>
        <DataTable caption={t('checkin.list')} captionHidden columns={columns} rows={program.checkins} rowKey={(c) => c.id} empty={t('checkin.empty')} />
      </section>
      {canWrite && active ? (
        <section className="card" aria-labelledby="checkin-title">
          <h2 id="checkin-title">{t('checkin.add')}</h2>
          <CheckinForm program={program} officers={reference.officers} onDone={() => onChanged({ key: 'checkin.saved' })} />
        </section>
      ) : null}
    </>
  );
}
