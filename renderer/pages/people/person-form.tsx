import { personInput } from '../../../api/calls/register';
import type { LocalityView } from '../../../api/views';
import type { Result } from '../../../api/result';
import { FormFrame } from '../../components/form-frame';
import { SelectField } from '../../components/select-field';
import { TextAreaField } from '../../components/text-area-field';
import { TextField } from '../../components/text-field';
import { useForm } from '../../forms/use-form';
import { useI18n } from '../../i18n';
import { navigate, paths } from '../../router';
import { PersonMatches } from '../register/person-match';
import { PersonIdentityFields } from './person-fields';
import { toPersonInput, type PersonFormValues } from './person-values';

export interface PersonFormProps<T> {
  readonly initial: PersonFormValues;
  readonly localities: readonly LocalityView[];
  readonly submitLabel: string;
  readonly labelledBy: string;
  readonly submit: (input: ReturnType<typeof personInput.parse>) => Promise<Result<T>>;
  readonly onSuccess: (value: T) => void;
  readonly onCancel?: () => void;
  /** A new record: suggest records that may be the same person while it is typed. */
  readonly suggest?: boolean;
  /** The key its draft is kept under ("person.new", "person.edit:<id>"). */
  readonly draftKey: string;
}

/** A person's record: identity, other names, village, notes. Used to add a person and to correct one. */
export function PersonForm<T>({ initial, localities, submitLabel, labelledBy, submit, onSuccess, onCancel, suggest = false, draftKey }: PersonFormProps<T>) {
  const { t } = useI18n();
  const form = useForm({ schema: personInput, initial, toInput: toPersonInput, submit, onSuccess, draftKey });
  const localityOptions = [{ value: '', label: t('common.choose') }, ...localities.filter((l) => !l.voided).map((l) => ({ value: l.id, label: l.name }))];
  return (
    <FormFrame form={form} submitLabel={submitLabel} labelledBy={labelledBy} onCancel={onCancel} requiredNote>
      <PersonIdentityFields
        bind={{
          fullName: form.field('fullName'),
          gender: form.field('gender'),
          birthDate: form.field('birthDate'),
          birthYear: form.field('birthYear'),
          citizenId: form.field('citizenId'),
          permanentAddress: form.field('permanentAddress'),
          temporaryAddress: form.field('temporaryAddress'),
        }}
        matches={suggest ? <PersonMatches person={form.values} onUse={(person) => navigate(paths.person(person.id))} /> : null}
      />
      <div className="field-row">
        <TextField {...form.field('otherNames')} label={t('people.otherNames')} hint={t('people.otherNamesHint')} />
        <SelectField {...form.field('localityId')} label={t('report.locality')} options={localityOptions} />
      </div>
      <TextAreaField {...form.field('notes')} label={t('people.notes')} rows={3} />
    </FormFrame>
  );
}
