import { useState } from 'react';
import type { DuplicateGroup, PersonOverview, PersonView } from '../../../api/views';
import { Button } from '../../components/button';
import { useI18n } from '../../i18n';
import { href, paths } from '../../router';
import { codeLabel } from '../register/labels';
import { usePersonLine } from '../register/person-match';
import { MergePanel } from './merge-panel';

/** Có thể trùng: records that look like this person, each with "Gộp hồ sơ" (this record is kept). */
export function PersonDuplicates({ person, group, canWrite, onMerged }: { readonly person: PersonView; readonly group: DuplicateGroup; readonly canWrite: boolean; readonly onMerged: (merged: PersonOverview) => void }) {
  const { t } = useI18n();
  const line = usePersonLine();
  const [drop, setDrop] = useState<PersonView | null>(null);
  const others = group.persons.filter((p) => p.id !== person.id);
  if (others.length === 0) return <p className="muted">{t('duplicates.noneOf')}</p>;
  return (
    <>
      <p>{codeLabel(t, 'duplicateReason', group.reason)}</p>
      <ul className="duplicate-list">
        {others.map((other) => (
          <li key={other.id}>
            <a href={href(paths.person(other.id))}>{line(other)}</a>
            {canWrite ? (
              <Button small onClick={() => setDrop(other)}>
                {t('merge.action')}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      {drop ? (
        <MergePanel
          key={drop.id}
          keep={person}
          drop={drop}
          onCancel={() => setDrop(null)}
          onDone={(merged) => {
            setDrop(null);
            onMerged(merged);
          }}
        />
      ) : null}
    </>
  );
}
