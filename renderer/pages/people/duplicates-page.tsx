import { useState } from 'react';
import type { DuplicateGroup, PersonView } from '../../../api/views';
import { Button } from '../../components/button';
import { LoadedView } from '../../components/loaded-view';
import { Notice } from '../../components/notice';
import { Page } from '../../components/page';
import { useCall } from '../../data/use-call';
import { useI18n } from '../../i18n';
import { href, paths } from '../../router';
import { useCan } from '../../session/session-context';
import { codeLabel } from '../register/labels';
import { usePersonLine } from '../register/person-match';
import { MergePanel } from './merge-panel';

/** Hồ sơ có thể trùng: groups of records that look like one person; merging keeps the one chosen. */
export function DuplicatesPage() {
  const { t } = useI18n();
  const [groups, reload] = useCall('persons.duplicates', { limit: 100 });
  const [merged, setMerged] = useState(false);
  return (
    <Page title={t('duplicates.title')}>
      {merged ? <Notice kind="success">{t('merge.done')}</Notice> : null}
      <LoadedView loaded={groups}>
        {(value) =>
          value.length === 0 ? (
            <p className="muted">{t('duplicates.none')}</p>
          ) : (
            value.map((group, index) => (
              <Group
                key={group.persons.map((p) => p.id).join('-')}
                group={group}
                index={index + 1}
                onMerged={() => {
                  setMerged(true);
                  reload();
                }}
              />
            ))
          )
        }
      </LoadedView>
    </Page>
  );
}

function Group({ group, index, onMerged }: { readonly group: DuplicateGroup; readonly index: number; readonly onMerged: () => void }) {
  const { t } = useI18n();
  const line = usePersonLine();
  const canWrite = useCan('records.write');
  const [keep, setKeep] = useState<PersonView | null>(null);
  const drop = keep ? group.persons.find((p) => p.id !== keep.id) : undefined;
  const headingId = `duplicate-group-${index}`;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('duplicates.group', { n: index, reason: codeLabel(t, 'duplicateReason', group.reason) })}</h2>
      <ul className="duplicate-list">
        {group.persons.map((person) => (
          <li key={person.id}>
            <a href={href(paths.person(person.id))}>{line(person)}</a>
            {canWrite && group.persons.length === 2 ? (
              <Button small onClick={() => setKeep(person)}>
                {t('merge.keepThis')}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      {keep && drop ? <MergePanel key={keep.id} keep={keep} drop={drop} onCancel={() => setKeep(null)} onDone={onMerged} /> : null}
    </section>
  );
}
