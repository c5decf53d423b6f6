import { localityInput } from '../../../api/calls/office';
import type { LocalityView } from '../../../api/views';
import { invoke } from '../../api-client';
import { FormFrame } from '../../components/form-frame';
import { SelectField } from '../../components/select-field';
import { TextField } from '../../components/text-field';
import { useForm } from '../../forms/use-form';
import { useI18n } from '../../i18n';
import { localityKinds, type LocalityKind } from './locality-kinds';

export function LocalityCreateForm({ onCreated }: { readonly onCreated: (locality: LocalityView) => void }) {
  const { t } = useI18n();
  const form = useForm({
    schema: localityInput,
    initial: { name: '', kind: 'thôn' as LocalityKind },
    submit: (input) => invoke('localities.create', input),
    onSuccess: onCreated,
    resetOnSuccess: true,
  });
  const kindOptions = localityKinds.map((kind) => ({ value: kind.value, label: t(kind.label) }));
  return (
    <FormFrame form={form} submitLabel={t('settings.addLocality')} labelledBy="settings-localities">
      <div className="field-row">
        <TextField {...form.field('name')} label={t('locality.name')} required />
        <SelectField {...form.field('kind')} label={t('locality.kind')} options={kindOptions} required />
      </div>
    </FormFrame>
  );
}
