import { useState } from 'react';
import { contract } from '../../../api/contract';
import { drugTestResults } from '../../../api/calls/people';
import type { OfficerView, ProgramView } from '../../../api/views';
import { invoke } from '../../api-client';
import { FormFrame } from '../../components/form-frame';
import { SelectField } from '../../components/select-field';
import { TextAreaField } from '../../components/text-area-field';
import { TextField } from '../../components/text-field';
import { blankToNull } from '../../forms/convert';
import { useForm } from '../../forms/use-form';
import { useI18n } from '../../i18n';
import { useSession } from '../../session/session-context';
import { isoDateOf } from '../../../core/vn-time';
import { codeOptions } from '../register/labels';

type TestResult = (typeof drugTestResults)[number];

/** Ghi nhận gặp gỡ, kiểm tra: date, officer, what came of it, and the drug test when one was made. */
export function CheckinForm({ program, officers, onDone }: { readonly program: ProgramView; readonly officers: readonly OfficerView[]; readonly onDone: () => void }) {
  const { t } = useI18n();
  const { session } = useSession();
  const [today] = useState(() => isoDateOf(Date.now()));
  const me = officers.some((o) => o.id === session.user.id) ? session.user.id : '';
  const form = useForm({
    schema: contract['programs.checkin'].input,
    initial: { date: today, officerId: me, result: '', drugTestResult: '' as TestResult | '' },
    toInput: (values) => ({ programId: program.id, date: values.date, officerId: blankToNull(values.officerId), result: values.result, drugTestResult: blankToNull(values.drugTestResult) }),
    submit: (input) => invoke('programs.checkin', input),
    onSuccess: onDone,
    resetOnSuccess: true,
  });
  return (
    <FormFrame form={form} submitLabel={t('checkin.save')} labelledBy="checkin-title">
      <div className="field-row field-row-3">
        <TextField {...form.field('date')} type="date" label={t('checkin.date')} required />
        <SelectField {...form.field('officerId')} label={t('program.officer')} options={[{ value: '', label: t('common.choose') }, ...officers.map((o) => ({ value: o.id, label: o.fullName }))]} />
        <SelectField {...form.field('drugTestResult')} label={t('checkin.drugTest')} options={[{ value: '', label: t('checkin.noTest') }, ...codeOptions(t, 'drugTest', drugTestResults)]} />
      </div>
      <TextAreaField {...form.field('result')} label={t('checkin.result')} rows={3} />
    </FormFrame>
  );
}
