import type { ReactNode } from 'react';
import { genders, type Gender } from '../../../api/calls/register';
import { SelectField } from '../../components/select-field';
import { TextField } from '../../components/text-field';
import type { FieldBinding } from '../../forms/use-form';
import { useI18n } from '../../i18n';
import { codeOptions } from '../register/labels';

/** The bindings of a person's identity fields, wherever the person sits in a form's values. */
export interface PersonBindings {
  readonly fullName: FieldBinding<string>;
  readonly gender: FieldBinding<Gender>;
  readonly birthDate: FieldBinding<string>;
  readonly birthYear: FieldBinding<string>;
  readonly citizenId: FieldBinding<string>;
  readonly permanentAddress: FieldBinding<string>;
  readonly temporaryAddress: FieldBinding<string>;
}

/**
 * A person's identity: name, gender, birth date or year, citizen ID and addresses. The same fields in
 * a report's people and in the persons' own form; `matches` (records that may be this person) shows
 * under the citizen ID.
 */
export function PersonIdentityFields({ bind, matches }: { readonly bind: PersonBindings; readonly matches?: ReactNode }) {
  const { t } = useI18n();
  return (
    <>
      <div className="field-row">
        <TextField {...bind.fullName} label={t('person.fullName')} required />
        <SelectField {...bind.gender} label={t('person.gender')} options={codeOptions(t, 'gender', genders)} />
      </div>
      <div className="field-row field-row-3">
        <TextField {...bind.birthDate} type="date" label={t('person.birthDate')} />
        <TextField {...bind.birthYear} label={t('person.birthYear')} hint={t('person.birthYearHint')} inputMode="numeric" maxLength={4} />
        <TextField {...bind.citizenId} label={t('person.citizenId')} hint={t('person.citizenIdHint')} inputMode="numeric" maxLength={12} />
      </div>
      {matches}
      <div className="field-row">
        <TextField {...bind.permanentAddress} label={t('person.permanentAddress')} />
        <TextField {...bind.temporaryAddress} label={t('person.temporaryAddress')} />
      </div>
    </>
  );
}
