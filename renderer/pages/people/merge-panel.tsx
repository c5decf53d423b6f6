import { useState } from 'react';
import type { CallError } from '../../../api/result';
import type { PersonOverview, PersonView } from '../../../api/views';
import { invoke } from '../../api-client';
import { Button } from '../../components/button';
import { FormErrors } from '../../components/form-errors';
import { Panel } from '../../components/panel';
import { useI18n } from '../../i18n';
import { usePersonLine } from '../register/person-match';

export interface MergePanelProps {
  readonly keep: PersonView;
  readonly drop: PersonView;
  readonly onDone: (merged: PersonOverview) => void;
  readonly onCancel: () => void;
}

/**
 * Gộp hồ sơ: says what merging does (every link moves to the kept record; the other is voided and
 * points at it) and asks to confirm. Both versions are sent, so a record changed meanwhile is refused.
 */
export function MergePanel({ keep, drop, onDone, onCancel }: MergePanelProps) {
  const { t } = useI18n();
  const line = usePersonLine();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CallError | null>(null);
  const confirm = () => {
    setBusy(true);
    void invoke('persons.merge', { keepId: keep.id, keepVersion: keep.version, dropId: drop.id, dropVersion: drop.version }).then((result) => {
      setBusy(false);
      if (result.ok) onDone(result.value);
      else setError(result.error);
    });
  };
  return (
    <Panel id="merge-title" title={t('merge.title')}>
      <p>{t('merge.keep', { name: line(keep) })}</p>
      <p>{t('merge.drop', { name: line(drop) })}</p>
      <p>{t('merge.explain')}</p>
      <FormErrors error={error} other={[]} />
      <div className="form-actions">
        <Button variant="danger" busy={busy} onClick={confirm}>
          {t('merge.confirm')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </div>
    </Panel>
  );
}
