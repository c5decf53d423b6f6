import { useState } from 'react';
import { programInput } from '../../../api/calls/people';
import type { ProgramView } from '../../../api/views';
import { invoke } from '../../api-client';
import { FormFrame } from '../../components/form-frame';
import { Panel } from '../../components/panel';
import { SelectField } from '../../components/select-field';
import { TextField } from '../../components/text-field';
import { formatIsoDate } from '../../format';
import { blankToNull } from '../../forms/convert';
import { useForm } from '../../forms/use-form';
import { useI18n } from '../../i18n';
import { isoDateOf } from '../../../core/vn-time';
import { kindName } from '../people/kind-name';
import type { PeopleReference } from '../people/use-people-reference';
import { addMonths, isIsoDate } from '../../../core/calendar';

export interface ProgramCreatePanelProps {
  readonly personId: string;
  /** The program to edit (programs.update); absent: a new one. */
  readonly program?: ProgramView;
  readonly reference: PeopleReference;
  readonly onDone: (program: ProgramView) => void;
  readonly onCancel: () => void;
}

/**
 * A new management program for a person, or the corrections to one that is running (programs.update): its kind (with the law it comes from and its length), the
 * decision, the start, and the end: computed from the kind's length and shown as the form is filled in;
 * a different end needs a reason; kinds without a fixed length take the end from the decision.
 */
export function ProgramCreatePanel({ personId, program, reference, onDone, onCancel }: ProgramCreatePanelProps) {
  const { t, lang } = useI18n();
  const [today] = useState(() => isoDateOf(Date.now()));
  const form = useForm({
    schema: programInput,
    initial: program
      ? {
          kindCode: program.kindCode,
          decisionNo: program.decisionNo,
          decisionDate: program.decisionDate ?? '',
          startDate: program.startDate,
          // A computed end is left blank, so it follows a corrected start; a typed one stays with its reason.
          endDate: program.endOverrideReason || !reference.kinds.find((k) => k.code === program.kindCode)?.months ? (program.endDate ?? '') : '',
          endOverrideReason: program.endOverrideReason,
          officerId: program.officerId ?? '',
        }
      : { kindCode: reference.kinds[0]?.code ?? '', decisionNo: '', decisionDate: '', startDate: today, endDate: '', endOverrideReason: '', officerId: '' },
    toInput: (values) => ({
      personId,
      kindCode: values.kindCode,
      decisionNo: values.decisionNo,
      decisionDate: blankToNull(values.decisionDate),
      startDate: values.startDate,
      endDate: blankToNull(values.endDate),
      endOverrideReason: values.endOverrideReason,
      officerId: blankToNull(values.officerId),
    }),
    submit: (input) => {
      if (!program) return invoke('programs.create', input);
      // The whole form is sent as the changes: a field left as it was stays the same.
      const { personId: _person, ...fields } = input;
      return invoke('programs.update', { id: program.id, baseVersion: program.version, fields });
    },
    onSuccess: onDone,
  });
  const { values } = form;
  const kind = reference.kinds.find((k) => k.code === values.kindCode);
  // The end shown while the form is filled in, by the backend's own rule (core/calendar.ts); the backend
  // computes the stored end itself.
  const computed = kind?.months && isIsoDate(values.startDate) ? addMonths(values.startDate, kind.months) : null;
  const overridden = computed !== null && values.endDate !== '' && values.endDate !== computed;

  return (
    <Panel id="program-title" title={t(program ? 'program.editTitle' : 'program.add')}>
      <FormFrame form={form} submitLabel={t(program ? 'common.save' : 'program.create')} labelledBy="program-title" onCancel={onCancel} requiredNote>
        <SelectField {...form.field('kindCode')} label={t('program.kind')} options={reference.kinds.map((k) => ({ value: k.code, label: kindName(lang, reference.kinds, k.code) }))} required />
        {kind ? (
          <p className="muted">
            {t(kind.months ? 'program.kindInfo' : 'program.kindInfoOpen', { source: kind.source || t('common.none'), months: kind.months ?? 0 })}
          </p>
        ) : null}
        <div className="field-row field-row-3">
          <TextField {...form.field('decisionNo')} label={t('program.decisionNo')} />
          <TextField {...form.field('decisionDate')} type="date" label={t('program.decisionDate')} />
          <TextField {...form.field('startDate')} type="date" label={t('program.startDate')} required />
        </div>
        <p className="program-computed" role="status">
          {computed ? t('program.computedEnd', { date: formatIsoDate(computed), months: kind?.months ?? 0 }) : t('program.endFromDecision')}
        </p>
        <div className="field-row">
          <TextField
            {...form.field('endDate')}
            type="date"
            label={t('program.endDate')}
            hint={computed ? t('program.endDateHint') : t('program.endDateRequired')}
            required={computed === null}
          />
          <SelectField
            {...form.field('officerId')}
            label={t('program.officer')}
            options={[{ value: '', label: t('common.choose') }, ...reference.officers.map((o) => ({ value: o.id, label: o.fullName }))]}
          />
        </div>
        {overridden ? <TextField {...form.field('endOverrideReason')} label={t('program.overrideReason')} required /> : null}
      </FormFrame>
    </Panel>
  );
}
