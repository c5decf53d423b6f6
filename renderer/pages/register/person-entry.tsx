import { personRoles } from '../../../api/calls/register';
import type { PersonView } from '../../../api/views';
import { Button } from '../../components/button';
import { SelectField } from '../../components/select-field';
import type { Form } from '../../forms/use-form';
import { useI18n } from '../../i18n';
import { PersonIdentityFields } from '../people/person-fields';
import { codeOptions } from './labels';
import { briefOf, PersonMatches, usePersonLine } from './person-match';
import { emptyPerson, personFields, type ReportValues } from './report-values';

export interface PersonEntryProps {
  readonly form: Form<ReportValues>;
  readonly index: number;
  readonly onRemove: () => void;
}

/**
 * One person named in the report: a role and either an existing record (linked as is) or a new
 * person typed here, with suggestions of records that may be the same person.
 */
export function PersonEntry({ form, index, onRemove }: PersonEntryProps) {
  const { t } = useI18n();
  const line = usePersonLine();
  const entry = form.values.persons[index];
  if (!entry) return null;
  const n = index + 1;
  const at = `persons.${index}` as const;
  const headingId = `person-entry-${entry.key}`;

  const link = (person: PersonView | null) =>
    form.update(
      (values) => ({
        ...values,
        persons: values.persons.map((item, i) => (i === index ? { ...item, personId: person?.id ?? '', person: person ? personFields(person) : emptyPerson } : item)),
      }),
      at,
    );

  return (
    <fieldset className="fieldset person-entry" aria-labelledby={headingId}>
      <legend id={headingId}>{t('person.entry', { n })}</legend>
      <div className="field-row">
        <SelectField {...form.field(`${at}.role`)} label={t('person.role')} options={codeOptions(t, 'personRole', personRoles)} required />
        <div className="person-entry-remove">
          <Button small variant="danger" onClick={onRemove}>
            {t('person.remove', { n })}
          </Button>
        </div>
      </div>
      {entry.personId !== '' ? (
        <div className="person-linked">
          <p>
{t('person.linked', { name: line(briefOf(entry.person)) })}
          </p>
          <Button small onClick={() => link(null)}>
            {t('person.unlink')}
          </Button>
        </div>
      ) : (
        <PersonIdentityFields
          bind={{
            fullName: form.field(`${at}.person.fullName`),
            gender: form.field(`${at}.person.gender`),
            birthDate: form.field(`${at}.person.birthDate`),
            birthYear: form.field(`${at}.person.birthYear`),
            citizenId: form.field(`${at}.person.citizenId`),
            permanentAddress: form.field(`${at}.person.permanentAddress`),
            temporaryAddress: form.field(`${at}.person.temporaryAddress`),
          }}
          matches={<PersonMatches person={entry.person} onUse={link} />}
        />
      )}
    </fieldset>
  );
}
