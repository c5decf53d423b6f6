import { z } from 'zod';
import { contract } from '../../../api/contract';
import { safetyUnitKinds } from '../../../api/calls/movement';
import type { SafetySummary } from '../../../api/views';
import { invoke } from '../../api-client';
import { FormFrame } from '../../components/form-frame';
import { Panel } from '../../components/panel';
import { SelectField } from '../../components/select-field';
import { TextAreaField } from '../../components/text-area-field';
import { chosenCode } from '../../forms/convert';
import { useForm } from '../../forms/use-form';
import { useI18n } from '../../i18n';
import { unitKindKey } from './movement-labels';

/** A criterion's wording cut for a title or a message. */
export const shortText = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);

type Criterion = SafetySummary['criteria'][number];
type UnitKind = (typeof safetyUnitKinds)[number];

/** The call's own schema, with "Bắt buộc nhập" rather than "Giá trị không hợp lệ" when no kind is chosen. */
const addCriterionInput = contract['safety.addCriterion'].input.extend({ unitKind: z.enum(safetyUnitKinds, { error: 'v.required' }) });

interface PanelProps {
  /** Called with the criterion's wording, as the messages name it. */
  readonly onDone: (text: string) => void;
  readonly onCancel: () => void;
}

/** Thêm tiêu chí (administrators): the kind of unit it applies to and its wording; its code is made by the backend. */
export function CriterionAddPanel({ onDone, onCancel }: PanelProps) {
  const { t } = useI18n();
  const form = useForm({
    schema: addCriterionInput,
    initial: { unitKind: '' as UnitKind | '', text: '' },
    toInput: (values) => ({ unitKind: chosenCode(values.unitKind), text: values.text }),
    submit: (input) => invoke('safety.addCriterion', input),
    onSuccess: (_value, input) => onDone(input.text),
  });
  return (
    <Panel id="criterion-add-title" title={t('criteria.add')}>
      <FormFrame form={form} submitLabel={t('criteria.addSave')} labelledBy="criterion-add-title" onCancel={onCancel} requiredNote>
        <div className="field-row">
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
    onSuccess: (_value, input) => onDone(input.text),
  });
  return (
    <Panel id="criterion-edit-title" title={t('criteria.editTitle', { text: shortText(criterion.text) })}>
      <p className="muted">{t('criteria.editNote')}</p>
      <FormFrame form={form} submitLabel={t('criteria.editSave')} labelledBy="criterion-edit-title" onCancel={onCancel} requiredNote>
        <TextAreaField {...form.field('text')} label={t('criteria.text')} rows={3} required />
      </FormFrame>
    </Panel>
  );
}
