import { useEffect, useState } from 'react';
import type { PersonMatch, PersonView } from '../../../api/views';
import { invoke } from '../../api-client';
import { Button } from '../../components/button';
import { useDebounced } from '../../data/use-debounced';
import { formatIsoDate } from '../../format';
import { useI18n } from '../../i18n';
import type { PersonFields } from './report-values';

const MATCH_DEBOUNCE_MS = 350;
const NO_MATCH: PersonMatch = { sameCitizenId: null, similar: [] };

export type PersonBrief = Pick<PersonView, 'fullName' | 'birthDate' | 'birthYear' | 'citizenId' | 'permanentAddress' | 'temporaryAddress'>;

/** The brief of a person as the form holds them. */
export function briefOf(fields: PersonFields): PersonBrief {
  const year = Number(fields.birthYear);
  return {
    ...fields,
    birthDate: fields.birthDate || null,
    birthYear: fields.birthYear.trim() !== '' && Number.isInteger(year) ? year : null,
    citizenId: fields.citizenId.trim() || null,
  };
}

/** "Nguyễn Văn Ánh, sinh 1990, CCCD 038090001234": enough to tell two people of one name apart. */
export function usePersonLine(): (person: PersonBrief) => string {
  const { t } = useI18n();
  return (person) => {
    const born = person.birthDate ? formatIsoDate(person.birthDate) : person.birthYear !== null ? String(person.birthYear) : null;
    const parts = [person.fullName, born ? t('person.born', { year: born }) : null, person.citizenId ? t('person.citizenIdShort', { id: person.citizenId }) : null];
    const address = person.permanentAddress || person.temporaryAddress;
    return [...parts, address || null].filter((part): part is string => part !== null).join(', ');
  };
}

/**
 * While a new person is typed: the person already on record with this citizen ID, and people with the
 * same name (and birth year, when given), each with a button to use that record instead.
 */
export function PersonMatches({ person, onUse }: { readonly person: PersonFields; readonly onUse: (person: PersonView) => void }) {
  const { t } = useI18n();
  const line = usePersonLine();
  const citizenId = person.citizenId.trim();
  const fullName = person.fullName.trim();
  const birthYear = /^\d{4}$/.test(person.birthYear.trim()) ? Number(person.birthYear.trim()) : person.birthDate ? Number(person.birthDate.slice(0, 4)) : null;
  const wanted = useDebounced(JSON.stringify({ fullName, birthYear, citizenId: /^\d{12}$/.test(citizenId) ? citizenId : '' }), MATCH_DEBOUNCE_MS);
  const [match, setMatch] = useState<PersonMatch>(NO_MATCH);

  useEffect(() => {
    const input = JSON.parse(wanted) as { fullName: string; birthYear: number | null; citizenId: string };
    if (input.citizenId === '' && input.fullName.length < 3) {
      setMatch(NO_MATCH);
      return;
    }
    let current = true;
    void invoke('persons.match', input).then((result) => {
      if (current) setMatch(result.ok ? result.value : NO_MATCH);
    });
    return () => {
      current = false;
    };
  }, [wanted]);

  if (!match.sameCitizenId && match.similar.length === 0) return null;
  return (
    <div className="person-matches" role="status">
      {match.sameCitizenId ? (
        <p className="person-match person-match-same">
          <span>{t('person.sameCitizenId', { id: match.sameCitizenId.citizenId ?? '', name: line(match.sameCitizenId) })}</span>
          <Button small variant="primary" onClick={() => match.sameCitizenId && onUse(match.sameCitizenId)}>
            {t('person.useExisting')}
          </Button>
        </p>
      ) : null}
      {match.similar.map((similar) => (
        <p key={similar.id} className="person-match">
          <span>{t('person.similar', { name: line(similar) })}</span>
          <Button small onClick={() => onUse(similar)}>
            {t('person.useThis')}
          </Button>
        </p>
      ))}
    </div>
  );
}
