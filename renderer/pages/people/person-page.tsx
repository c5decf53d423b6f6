import { useState, type ReactNode } from 'react';
import type { PersonOverview } from '../../../api/views';
import { invoke } from '../../api-client';
import { Button } from '../../components/button';
import { DetailsList } from '../../components/details-list';
import { ImportedFrom } from '../../components/imported-from';
import { LoadedView } from '../../components/loaded-view';
import { Notice } from '../../components/notice';
import { Page } from '../../components/page';
import { Panel } from '../../components/panel';
import { useFlash } from '../../data/flash';
import { useCall } from '../../data/use-call';
import { formatIsoDate } from '../../format';
import { OtherOfficeNotice } from '../../components/other-office-notice';
import { useOwnRecord } from '../../data/use-offices';
import { useI18n } from '../../i18n';
import type { Message } from '../../i18n/message';
import { href, navigate, paths } from '../../router';
import { useCan } from '../../session/session-context';
import { ProgramCreatePanel } from '../programs/program-create-panel';
import { codeLabel } from '../register/labels';
import { bornText } from './kind-name';
import { MoveAwayPanel } from './move-away-panel';
import { PersonDuplicates } from './person-duplicates';
import { PersonForm } from './person-form';
import { PersonLinks } from './person-links';
import { PersonPhoto } from './person-photo';
import { PersonHotspots, PersonReports, ProgramsTable } from './person-records';
import { personFormValues } from './person-values';
import { usePeopleReference, type PeopleReference } from './use-people-reference';

type Task = 'edit' | 'move' | 'program' | null;

/** A person: identity, links to others, and everything that names them (reports, hotspots, programs). */
export function PersonPage({ id }: { readonly id: string }) {
  const { t } = useI18n();
  const [overview, reload] = useCall('persons.overview', { id });
  const [duplicates, reloadDuplicates] = useCall('persons.duplicatesOf', { id });
  const reference = usePeopleReference();
  const flashed = useFlash();
  const [notice, setNotice] = useState<Message | null>(flashed);
  const title = overview.status === 'ready' ? overview.value.person.fullName : t('people.title');
  const refresh = (message: Message | null) => {
    setNotice(message);
    reload();
    reloadDuplicates();
  };
  return (
    <Page title={title}>
      <p>
        <a href={href('/persons')}>{t('people.backToList')}</a>
      </p>
      {notice ? <Notice kind="success">{t(notice.key, notice.params)}</Notice> : null}
      <LoadedView loaded={reference}>
        {(ref) => (
          <LoadedView loaded={overview}>
            {(value) => (
              <PersonView
                overview={value}
                reference={ref}
                onChanged={refresh}
                duplicates={
                  duplicates.status === 'ready' ? (
                    <PersonDuplicates person={value.person} group={duplicates.value} canWrite={!value.person.voided} onMerged={() => refresh({ key: 'merge.done' })} />
                  ) : null
                }
              />
            )}
          </LoadedView>
        )}
      </LoadedView>
    </Page>
  );
}

interface PersonViewProps {
  readonly overview: PersonOverview;
  readonly reference: PeopleReference;
  readonly onChanged: (message: Message | null) => void;
  readonly duplicates: ReactNode;
}

function PersonView({ overview, reference, onChanged, duplicates }: PersonViewProps) {
  const { t } = useI18n();
  const { person } = overview;
  const own = useOwnRecord(person);
  const canWrite = useCan('records.write') && own;
  const [task, setTask] = useState<Task>(null);
  const none = t('common.none');
  const writable = canWrite && !person.voided;
  const done = (message: Message) => {
    setTask(null);
    onChanged(message);
  };
  return (
    <>
      <OtherOfficeNotice officeId={person.officeId} />
      {person.mergedInto ? (
        <Notice kind="info">
          <p>
            {t('people.mergedInto')} <a href={href(paths.person(person.mergedInto))}>{t('people.openKept')}</a>
          </p>
        </Notice>
      ) : person.voided ? (
        <Notice kind="error">{t('people.voided')}</Notice>
      ) : null}
      {person.movedOn ? <Notice kind="info">{t('people.movedNotice', { to: person.movedTo, date: formatIsoDate(person.movedOn) })}</Notice> : null}
      <div className="page-actions">
        {writable ? <Button onClick={() => setTask('edit')}>{t('common.edit')}</Button> : null}
        {writable ? <Button onClick={() => setTask('program')}>{t('program.add')}</Button> : null}
        {writable && !person.movedOn ? <Button onClick={() => setTask('move')}>{t('people.moveAway')}</Button> : null}
        <Button href={href(paths.graph('person', person.id))}>{t('graph.open')}</Button>
      </div>
      {task === 'edit' ? (
        <Panel id="person-edit-title" title={t('people.edit')}>
          <PersonForm
            initial={personFormValues(person)}
            draftKey={`person.edit:${person.id}`}
            localities={reference.localities}
            submitLabel={t('common.save')}
            labelledBy="person-edit-title"
            submit={(fields) => invoke('persons.update', { id: person.id, baseVersion: person.version, fields })}
            onSuccess={() => done({ key: 'people.saved' })}
            onCancel={() => setTask(null)}
          />
        </Panel>
      ) : null}
      {task === 'move' ? <MoveAwayPanel person={person} onCancel={() => setTask(null)} onDone={() => done({ key: 'people.moved' })} /> : null}
      {task === 'program' ? (
        <ProgramCreatePanel
          personId={person.id}
          reference={reference}
          onCancel={() => setTask(null)}
          onDone={(program) => {
            setTask(null);
            navigate(paths.program(program.id));
          }}
        />
      ) : null}

      <section className="card" aria-labelledby="person-identity">
        <h2 id="person-identity">{t('people.identity')}</h2>
        <DetailsList
          items={[
            { label: t('person.fullName'), value: person.fullName },
            { label: t('people.otherNames'), value: person.otherNames || none },
            { label: t('person.gender'), value: codeLabel(t, 'gender', person.gender) },
            { label: t('person.birthDate'), value: bornText(person) ?? none },
            { label: t('person.citizenId'), value: person.citizenId ?? none },
            { label: t('person.permanentAddress'), value: person.permanentAddress || none },
            { label: t('person.temporaryAddress'), value: person.temporaryAddress || none },
            { label: t('report.locality'), value: reference.localities.find((l) => l.id === person.localityId)?.name ?? none },
            { label: t('people.notes'), value: person.notes || none },
            ...(overview.importedFrom ? [{ label: t('lg.source'), value: <ImportedFrom source={overview.importedFrom} /> }] : []),
          ]}
        />
      </section>
      <section className="card" aria-labelledby="person-photo">
        <h2 id="person-photo">{t('photo.title')}</h2>
        <PersonPhoto person={person} canWrite={writable} />
      </section>
      <section className="card" aria-labelledby="person-programs">
        <h2 id="person-programs">{t('people.programs')}</h2>
        <ProgramsTable programs={overview.programs} reference={reference} />
      </section>
      <section className="card" aria-labelledby="person-links">
        <h2 id="person-links">{t('links.title')}</h2>
        <PersonLinks personId={person.id} links={overview.links} canWrite={writable} onChanged={() => onChanged(null)} />
      </section>
      <section className="card" aria-labelledby="person-reports">
        <h2 id="person-reports">{t('people.reports')}</h2>
        <PersonReports reports={overview.reports} />
      </section>
      <section className="card" aria-labelledby="person-hotspots">
        <h2 id="person-hotspots">{t('people.hotspots')}</h2>
        <PersonHotspots hotspots={overview.hotspots} />
      </section>
      <section className="card" aria-labelledby="person-duplicates">
        <h2 id="person-duplicates">{t('duplicates.of')}</h2>
        {duplicates}
      </section>
    </>
  );
}
