import { contract } from '../../../api/contract';
import type { CampaignView, MeasureView } from '../../../api/views';
import { invoke } from '../../api-client';
import { FormFrame } from '../../components/form-frame';
import { SelectField } from '../../components/select-field';
import { TextField } from '../../components/text-field';
import { toDecimal } from '../../forms/convert';
import { useForm } from '../../forms/use-form';
import { useI18n } from '../../i18n';
import { measureName } from './campaign-format';
import { unitName } from '../../format';

/** Điều chỉnh kết quả: a measure, a number added or taken away, and the reason (required). */
export function AdjustForm({ campaign, measures, onDone }: { readonly campaign: CampaignView; readonly measures: readonly MeasureView[]; readonly onDone: () => void }) {
  const { t, lang } = useI18n();
  const form = useForm({
    schema: contract['campaigns.adjust'].input,
    initial: { measureCode: '', delta: '', reason: '' },
    toInput: (values) => ({ campaignId: campaign.id, measureCode: values.measureCode, delta: toDecimal(values.delta), reason: values.reason }),
    submit: (input) => invoke('campaigns.adjust', input),
    onSuccess: onDone,
    resetOnSuccess: true,
  });
  return (
    <FormFrame form={form} submitLabel={t('adjust.save')} labelledBy="adjust-title" requiredNote>
      <div className="field-row">
        <SelectField {...form.field('measureCode')} label={t('adjust.measure')} options={[{ value: '', label: t('common.choose') }, ...measures.map((m) => ({ value: m.code, label: `${measureName(lang, m)} (${unitName(lang, m.unit)})` }))]} required />
        <TextField {...form.field('delta')} label={t('adjust.delta')} hint={t('adjust.deltaHint')} inputMode="text" required />
      </div>
      <TextField {...form.field('reason')} label={t('adjust.reason')} maxLength={500} required />
    </FormFrame>
  );
}
