import { useEffect, useState } from 'react';
import type { ReportRow } from '../../api/views';
import { invoke } from '../api-client';
import { useDebounced } from '../data/use-debounced';
import { useI18n } from '../i18n';
import { Button } from './button';

export interface ReportSearchProps {
  readonly id: string;
  /** The field's label and hint, as the page words the search. */
  readonly label: string;
  readonly hint: string;
  /** Reports already chosen, left out of the results. */
  readonly exclude: readonly string[];
  readonly onChoose: (report: ReportRow) => void;
}

/** A register search (number or words): the reports found, each with "Chọn". */
export function ReportSearch({ id, label, hint, exclude, onChoose }: ReportSearchProps) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 300);
  const [found, setFound] = useState<readonly ReportRow[]>([]);
  const excluded = exclude.join(',');
  useEffect(() => {
    if (q.length < 1) {
      setFound([]);
      return;
    }
    let current = true;
    void invoke('reports.list', { filters: { q }, limit: 10 }).then((result) => {
      if (current) setFound(result.ok ? result.value.rows.filter((r) => !excluded.split(',').includes(r.id)) : []);
    });
    return () => {
      current = false;
    };
  }, [q, excluded]);
  return (
    <>
      <div className="field">
        <label htmlFor={id} className="field-label">
          {label}
        </label>
        <input id={id} className="input input-full" type="search" value={text} autoComplete="off" aria-describedby={`${id}-hint`} onChange={(event) => setText(event.target.value)} />
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      </div>
      {q.length > 0 ? (
        <ul className="picker-results" aria-label={t('picker.results')}>
          {found.length === 0 ? <li className="muted">{t('picker.none')}</li> : null}
          {found.map((report) => (
            <li key={report.id}>
              <span>
                {report.number} – {report.summary}
              </span>
              <Button
                small
                onClick={() => {
                  setText('');
                  onChoose(report);
                }}
              >
                {t('picker.choose')}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
