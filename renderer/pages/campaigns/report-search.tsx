import { useEffect, useState } from 'react';
import type { ReportRow } from '../../../api/views';
import { invoke } from '../../api-client';
import { Button } from '../../components/button';
import { useDebounced } from '../../data/use-debounced';
import { useI18n } from '../../i18n';

/** A register search (number or words): the reports found, each with "Chọn". */
export function ReportSearch({ id, exclude, onChoose }: { readonly id: string; readonly exclude: readonly string[]; readonly onChoose: (report: ReportRow) => void }) {
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
          {t('campaignReports.search')}
        </label>
        <input id={id} className="input input-full" type="search" value={text} autoComplete="off" aria-describedby={`${id}-hint`} onChange={(event) => setText(event.target.value)} />
        <p id={`${id}-hint`} className="field-hint">
          {t('campaignReports.searchHint')}
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
