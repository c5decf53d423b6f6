import { useState } from 'react';
import { contract } from '../../../api/contract';
import type { PersonOverview } from '../../../api/views';
import { invoke } from '../../api-client';
import { FormFrame } from '../../components/form-frame';
import { Panel } from '../../components/panel';
import { TextField } from '../../components/text-field';
import { useForm } from '../../forms/use-form';
import { useI18n } from '../../i18n';
import { isoDateOf } from '../../../core/vn-time';

/** Chuyển đi nơi khác: where the person moved to and from when. */
export function MoveAwayPanel({ person, onDone, onCancel }: { readonly person: PersonOverview['person']; readonly onDone: () => void; readonly onCancel: () => void }) {
  const { t } = useI18n();
  const [today] = useState(() => isoDateOf(Date.now()));
  const form = useForm({
    schema: contract['persons.moveAway'].input,
    initial: { to: '', on: today },
    toInput: (values) => ({ id: person.id, baseVersion: person.version, ...values }),
    submit: (input) => invoke('persons.moveAway', input),
    onSuccess: onDone,
  });
  return (
    <Panel id="move-title" title={t('people.moveAway')}>
      <FormFrame form={form} submitLabel={t('people.moveAway')} labelledBy="move-title" onCancel={onCancel}>
        <div className="field-row">
          <TextField {...form.field('to')} label={t('people.movedToField')} hint={t('people.movedToHint')} required />
          <TextField {...form.field('on')} type="date" label={t('people.movedOn')} required />
        </div>
      </FormFrame>
    </Panel>
  );
}
