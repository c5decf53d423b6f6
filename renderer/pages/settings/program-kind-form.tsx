import { peopleCalls } from '../../../api/calls/people';
import type { ProgramKindView } from '../../../api/views';
import { invoke } from '../../api-client';
import { FormFrame } from '../../components/form-frame';
import { TextField } from '../../components/text-field';
import { toNumber, toOptionalNumber } from '../../forms/convert';
import { useForm } from '../../forms/use-form';
import { useI18n } from '../../i18n';

/** Thêm diện quản lý: a kind of management program the office uses, with its length and the law behind it. */
export function ProgramKindForm({ onCreated }: { readonly onCreated: (kind: ProgramKindView) => void }) {
  const { t } = useI18n();
  const form = useForm({
    schema: peopleCalls['programs.createKind'].input,
    initial: { nameVi: '', nameEn: '', months: '', checkinDays: '30', drugTestDays: '', source: '' },
    toInput: (values) => ({
      nameVi: values.nameVi,
      nameEn: values.nameEn,
      months: toOptionalNumber(values.months),
      checkinDays: toNumber(values.checkinDays),
      drugTestDays: toOptionalNumber(values.drugTestDays),
      source: values.source,
    }),
    submit: (input) => invoke('programs.createKind', input),
    onSuccess: onCreated,
    resetOnSuccess: true,
  });
  return (
    <FormFrame form={form} submitLabel={t('kinds.add')} labelledBy="settings-kinds-add" requiredNote>
      <div className="field-row">
        <TextField {...form.field('nameVi')} label={t('kinds.nameVi')} required />
        <TextField {...form.field('nameEn')} label={t('kinds.nameEn')} hint={t('kinds.nameEnHint')} />
      </div>
      <TextField {...form.field('source')} label={t('kinds.source')} hint={t('kinds.sourceHint')} />
      <div className="field-row field-row-3">
        <TextField {...form.field('months')} inputMode="numeric" label={t('kinds.months')} hint={t('kinds.monthsHint')} />
        <TextField {...form.field('checkinDays')} inputMode="numeric" label={t('kinds.checkinDays')} required />
        <TextField {...form.field('drugTestDays')} inputMode="numeric" label={t('kinds.drugTestDays')} hint={t('kinds.drugTestHint')} />
      </div>
    </FormFrame>
  );
}
