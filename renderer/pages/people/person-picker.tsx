import { useEffect, useId, useState } from 'react';
import type { PersonView } from '../../../api/views';
import { invoke } from '../../api-client';
import { Button } from '../../components/button';
import { fieldMessageKey } from '../../errors';
import type { FieldBinding } from '../../forms/use-form';
import { useDebounced } from '../../data/use-debounced';
import { useI18n } from '../../i18n';
import { usePersonLine } from '../register/person-match';

export interface PersonPickerProps {
  /** The chosen person's id ('' while none is chosen). */
  readonly binding: FieldBinding<string>;
  readonly label: string;
  /** People who cannot be chosen (the person whose page this is). */
  readonly exclude?: readonly string[];
}

/** Finds a person on record by name or citizen ID (diacritics optional) and chooses one of the results. */
export function PersonPicker({ binding, label, exclude = [] }: PersonPickerProps) {
  const { t } = useI18n();
  const line = usePersonLine();
  const searchId = useId();
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<PersonView | null>(null);
  const [found, setFound] = useState<readonly PersonView[]>([]);
  const q = useDebounced(text.trim(), 300);
  // The ids to leave out, as a value: a new array with the same ids does not search again.
  const excluded = exclude.join(',');

  useEffect(() => {
    if (q.length < 2) {
      setFound([]);
      return;
    }
    let current = true;
    void invoke('persons.search', { q, limit: 10 }).then((result) => {
      const skip = new Set(excluded.split(','));
      if (current) setFound(result.ok ? result.value.filter((p) => !skip.has(p.id)) : []);
    });
    return () => {
      current = false;
    };
  }, [q, excluded]);

  if (chosen && binding.value === chosen.id) {
    return (
      <div className="person-linked">
        <p>{t('picker.chosen', { name: line(chosen) })}</p>
        <Button small onClick={() => binding.onChange('')}>
          {t('picker.change')}
        </Button>
      </div>
    );
  }
  const errorId = `${searchId}-error`;
  return (
    <div className={`field${binding.error ? ' field-has-error' : ''}`}>
      <label htmlFor={searchId} className="field-label">
        {label}
      </label>
      <input
        id={searchId}
        ref={binding.inputRef}
        className="input input-full"
        type="search"
        value={text}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={binding.error ? true : undefined}
        aria-describedby={binding.error ? errorId : `${searchId}-hint`}
        onChange={(event) => setText(event.target.value)}
      />
      <p id={`${searchId}-hint`} className="field-hint">
        {t('picker.hint')}
      </p>
      {binding.error ? (
        <p id={errorId} className="field-error">
          {t(fieldMessageKey(binding.error))}
        </p>
      ) : null}
      {q.length >= 2 ? (
        <ul className="picker-results" aria-label={t('picker.results')}>
          {found.length === 0 ? <li className="muted">{t('picker.none')}</li> : null}
          {found.map((person) => (
            <li key={person.id}>
              <span>{line(person)}</span>
              <Button
                small
                onClick={() => {
                  setChosen(person);
                  binding.onChange(person.id);
                }}
              >
                {t('picker.choose')}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
