import { useState } from 'react';
import { contract } from '../../../api/contract';
import { programEndReasons } from '../../../api/calls/people';
import type { ProgramView } from '../../../api/views';
import { invoke } from '../../api-client';
import { FormFrame } from '../../components/form-frame';
import { Panel } from '../../components/panel';
import { SelectField } from '../../components/select-field';
import { TextAreaField } from '../../components/text-area-field';
import { TextField } from '../../components/text-field';
import { chosenCode } from '../../forms/convert';
import { useForm } from '../../forms/use-form';
import { useI18n } from '../../i18n';
import { isoDateOf } from '../../../core/vn-time';
import { codeOptions } from '../register/labels';

type EndReason = (typeof programEndReasons)[number];

/** Kết thúc sớm: the date, the reason the law names, and a note. */
export function ProgramEndPanel({ program, onDone, onCancel }: { readonly program: ProgramView; readonly onDone: () => void; readonly onCancel: () => void }) {
  const { t } = useI18n();
  const [today] = useState(() => isoDateOf(Date.now()));
  const form = useForm({
    schema: contract['programs.end'].input,
    initial: { on: today, reason: '' as EndReason | '', note: '' },
    toInput: (values) => ({ id: program.id, baseVersion: program.version, on: values.on, reason: chosenCode(values.reason), note: values.note }),
    submit: (input) => invoke('programs.end', input),
    onSuccess: onDone,
  });
  return (
    <Panel id="end-title" title={t('program.end')}>
      <FormFrame form={form} submitLabel={t('program.end')} submitVariant="danger" labelledBy="end-title" onCancel={onCancel}>
        <div className="field-row">
          <TextField {...form.field('on')} type="date" label={t('program.endedOn')} required />
          <SelectField {...form.field('reason')} label={t('program.endReason')} options={[{ value: '', label: t('common.choose') }, ...codeOptions(t, 'endReason', programEndReasons)]} required />
        </div>
        <TextAreaField {...form.field('note')} label={t('program.endNote')} rows={2} />
      </FormFrame>
    </Panel>
  );
}
