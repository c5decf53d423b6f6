import { z } from 'zod';
import { contract } from '../../../api/contract';
import { safetyUnitKinds } from '../../../api/calls/movement';
import type { SafetySummary } from '../../../api/views';
import { invoke } from '../../api-client';
import { FormFrame } from '../../components/form-frame';
import { Panel } from '../../components/panel';
import { SelectField } from '../../components/select-field';
import { TextAreaField } from '../../components/text-area-field';
import { TextField } from '../../components/text-field';
import { chosenCode } from '../../forms/convert';
import { useForm } from '../../forms/use-form';
import { useI18n } from '../../i18n';
import { unitKindKey } from './movement-labels';

type Criterion = SafetySummary['criteria'][number];
type UnitKind = (typeof safetyUnitKinds)[number];

/** The call's own schema, with "Bắt buộc nhập" rather than "Giá trị không hợp lệ" when no kind is chosen. */
const addCriterionInput = contract['safety.addCriterion'].input.extend({ unitKind: z.enum(safetyUnitKinds, { error: 'v.required' }) });

interface PanelProps {
  readonly onDone: (code: string) => void;
  readonly onCancel: () => void;
}

/** Thêm tiêu chí (administrators): its code, the kind of unit it applies to, and its wording. */
export function CriterionAddPanel({ onDone, onCancel }: PanelProps) {
  const { t } = useI18n();
  const form = useForm({
    schema: addCriterionInput,
    initial: { code: '', unitKind: '' as UnitKind | '', text: '' },
    toInput: (values) => ({ code: values.code, unitKind: chosenCode(values.unitKind), text: values.text }),
    submit: (input) => invoke('safety.addCriterion', input),
    onSuccess: (_value, input) => onDone(input.code),
  });
  return (
    <Panel id="criterion-add-title" title={t('criteria.add')}>
      <FormFrame form={form} submitLabel={t('criteria.addSave')} labelledBy="criterion-add-title" onCancel={onCancel} requiredNote>
        <div className="field-row">
          <TextField {...form.field('code')} label={t('criteria.code')} hint={t('criteria.codeHint')} maxLength={60} required />
          <SelectField
            {...form.field('unitKind')}
            label={t('criteria.unitKind')}
            options={[{ value: '', label: t('common.choose') }, ...safetyUnitKinds.map((k) => ({ value: k, label: t(unitKindKey(k)) }))]}
            required
          />
        </div>
        <TextAreaField {...form.field('text')} label={t('criteria.text')} rows={2} required />
      </FormFrame>
    </Panel>
  );
}

/** Sửa nội dung tiêu chí (administrators): the wording only; the code and the kind of unit stay. */
export function CriterionEditPanel({ criterion, onDone, onCancel }: PanelProps & { readonly criterion: Criterion }) {
  const { t } = useI18n();
  const form = useForm({
    schema: contract['safety.updateCriterion'].input,
    initial: { text: criterion.text },
    toInput: (values) => ({ code: criterion.code, text: values.text }),
    submit: (input) => invoke('safety.updateCriterion', input),
    onSuccess: () => onDone(criterion.code),
  });
  return (
    <Panel id="criterion-edit-title" title={t('criteria.editTitle', { code: criterion.code })}>
      <p className="muted">{t('criteria.editNote')}</p>
      <FormFrame form={form} submitLabel={t('criteria.editSave')} labelledBy="criterion-edit-title" onCancel={onCancel} requiredNote>
        <TextAreaField {...form.field('text')} label={t('criteria.text')} rows={3} required />
      </FormFrame>
    </Panel>
  );
}
