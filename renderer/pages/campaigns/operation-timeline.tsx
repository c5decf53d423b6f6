import type { MeasureView, OperationView } from '../../../api/views';
import { formatDateAndTime } from '../../format';
import { useI18n } from '../../i18n';
import { codeLabel } from '../register/labels';
import { formatQuantity, measureName } from './campaign-format';

/** The operations of a campaign in time order: when, what kind, where, who led, persons and seizures. */
export function OperationTimeline({ operations, measures }: { readonly operations: readonly OperationView[]; readonly measures: readonly MeasureView[] }) {
  const { t, lang } = useI18n();
  if (operations.length === 0) return <p className="muted">{t('operations.empty')}</p>;
  const seizure = (code: string, quantity: number) => {
    const measure = measures.find((m) => m.code === code);
    return measure ? `${measureName(lang, measure)}: ${formatQuantity(quantity)} ${measure.unit}` : `${code}: ${formatQuantity(quantity)}`;
  };
  return (
    <ol className="timeline" aria-label={t('operations.title')}>
      {operations.map((op) => (
        <li key={op.id} className="timeline-item">
          <p className="timeline-head">
            <time dateTime={new Date(op.startedAt).toISOString()}>{formatDateAndTime(op.startedAt)}</time> – <strong>{codeLabel(t, 'operationKind', op.kind)}</strong>
            {op.place ? ` – ${op.place}` : ''}
          </p>
          <ul className="timeline-facts">
            {op.leader ? (
              <li>
                {t('operation.leader')}: {op.leader}
              </li>
            ) : null}
            {op.forces ? (
              <li>
                {t('operation.forces')}: {op.forces}
              </li>
            ) : null}
            <li>{t('operation.persons', { arrested: formatQuantity(op.personsArrested), sanctioned: formatQuantity(op.personsSanctioned) })}</li>
            {op.seizures.length > 0 ? (
              <li>
                {t('operation.seizures')}: {op.seizures.map((s) => seizure(s.measureCode, s.quantity)).join('; ')}
              </li>
            ) : null}
            {op.reportIds.length > 0 ? <li>{t('operation.reportCount', { count: op.reportIds.length })}</li> : null}
          </ul>
        </li>
      ))}
    </ol>
  );
}
