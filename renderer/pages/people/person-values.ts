import type { z } from 'zod';
import type { personInput } from '../../../api/calls/register';
import type { PersonView } from '../../../api/views';
import { blankToNull, toOptionalNumber } from '../../forms/convert';
import { emptyPerson, personFields, type PersonFields } from '../register/report-values';

/** The persons' own form: the identity fields a report's people share, plus what only the record holds. */
export interface PersonFormValues extends PersonFields {
  otherNames: string;
  localityId: string;
  notes: string;
}

export const emptyPersonForm: PersonFormValues = { ...emptyPerson, otherNames: '', localityId: '', notes: '' };

export function personFormValues(person: PersonView): PersonFormValues {
  return { ...personFields(person), otherNames: person.otherNames, localityId: person.localityId ?? '', notes: person.notes };
}

export function toPersonInput(values: PersonFormValues): z.input<typeof personInput> {
  return {
    fullName: values.fullName,
    otherNames: values.otherNames,
    gender: values.gender,
    birthDate: blankToNull(values.birthDate),
    birthYear: toOptionalNumber(values.birthYear),
    citizenId: blankToNull(values.citizenId.trim()),
    permanentAddress: values.permanentAddress,
    temporaryAddress: values.temporaryAddress,
    localityId: blankToNull(values.localityId),
    notes: values.notes,
  };
}
