import { useState } from 'react';
import type { CallError } from '../../../api/result';
import type { ConflictView } from '../../../api/views';
import { invoke } from '../../api-client';
import { Button } from '../../components/button';
import { Notice } from '../../components/notice';
import { describeError } from '../../errors';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import { fieldLabel, tableLabel } from './exchange-labels';

type Side = 'local' | 'incoming';

/** A stored value as the comparison shows it; an empty one says so. */
function shown(column: string, value: unknown, empty: string): string {
  if (value === null || value === undefined || value === '') return empty;
  // Instants are stored as epoch milliseconds ("received_at", "deleted_at"): shown as dd/mm/yyyy hh:mm.
  if (column.endsWith('_at') && typeof value === 'number') return formatDateTime(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** One conflict: the differing fields side by side, a choice per field, and the three ways to settle it. */
function ConflictCard({ conflict, canResolve, onResolved }: { readonly conflict: ConflictView; readonly canResolve: boolean; readonly onResolved: () => void }) {
  const { t } = useI18n();
  const [choices, setChoices] = useState<Readonly<Record<string, Side>>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CallError | null>(null);
  const headingId = `conflict-${conflict.id}`;
  const empty = t('xc.empty');

  const resolve = async (choice: 'local' | 'incoming' | 'merge') => {
    setBusy(true);
    setError(null);
    const incomingColumns = choice === 'merge' ? conflict.fields.filter((f) => choices[f.column] === 'incoming').map((f) => f.column) : [];
    const result = await invoke('exchange.resolve', { id: conflict.id, choice, incomingColumns });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    onResolved();
  };

  return (
    <section className="exchange-conflict" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t('xc.conflictTitle', { table: tableLabel(t, conflict.table), office: conflict.fromOffice, date: formatDateTime(conflict.createdAt) })}
      </h3>
      {conflict.localVoided ? <p>{t('xc.localVoided')}</p> : null}
      {conflict.incomingVoided ? <p>{t('xc.incomingVoided')}</p> : null}
      <div className="table-wrap">
        <table className="table">
          <caption className="sr-only">{t('xc.conflicts')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('xc.field')}</th>
              <th scope="col">{t('xc.local')}</th>
              <th scope="col">{t('xc.incoming')}</th>
            </tr>
          </thead>
          <tbody>
            {conflict.fields.map((field) => {
              const name = `${conflict.id}-${field.column}`;
              const chosen = choices[field.column] ?? 'local';
              const cell = (side: Side, value: unknown) => {
                const text = shown(field.column, value, empty);
                if (!canResolve) return <span className="exchange-value">{text}</span>;
                return (
                  <label className="field-inline-row">
                    <input
                      type="radio"
                      name={name}
                      checked={chosen === side}
                      aria-label={`${t('xc.takeFrom', { field: fieldLabel(t, field.column) })} ${t(side === 'local' ? 'xc.local' : 'xc.incoming')}`}
                      onChange={() => setChoices((current) => ({ ...current, [field.column]: side }))}
                    />
                    <span className="exchange-value">{text}</span>
                  </label>
                );
              };
              return (
                <tr key={field.column}>
                  <th scope="row">{fieldLabel(t, field.column)}</th>
                  <td>{cell('local', field.local)}</td>
                  <td>{cell('incoming', field.incoming)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {error ? <Notice kind="error">{describeError(t, error)}</Notice> : null}
      {canResolve ? (
        <div className="exchange-actions">
          <Button busy={busy} onClick={() => void resolve('local')}>
            {t('xc.keepLocal')}
          </Button>
          <Button busy={busy} onClick={() => void resolve('incoming')}>
            {t('xc.takeIncoming')}
          </Button>
          <Button variant="primary" busy={busy} onClick={() => void resolve('merge')}>
            {t('xc.merge')}
          </Button>
        </div>
      ) : null}
    </section>
  );
}

/** "Xung đột cần xử lý": records edited here and there from the same base, kept for a person to settle. */
export function ConflictsSection({ conflicts, canResolve, onResolved }: { readonly conflicts: readonly ConflictView[]; readonly canResolve: boolean; readonly onResolved: () => void }) {
  const { t } = useI18n();
  const [resolved, setResolved] = useState(false);
  return (
    <section className="card" aria-labelledby="exchange-conflicts">
      <h2 id="exchange-conflicts">{t('xc.conflicts')}</h2>
      {resolved ? <Notice kind="success">{t('xc.resolved')}</Notice> : null}
      {conflicts.length === 0 ? <p className="muted">{t('xc.noConflicts')}</p> : null}
      {conflicts.map((conflict) => (
        <ConflictCard
          key={conflict.id}
          conflict={conflict}
          canResolve={canResolve}
          onResolved={() => {
            setResolved(true);
            onResolved();
          }}
        />
      ))}
    </section>
  );
}
