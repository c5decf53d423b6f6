import { useState } from 'react';
import type { LocalityView, MeasureView, OperationView } from '../../../api/views';
import { invoke } from '../../api-client';
import { Button } from '../../components/button';
import { ReasonPanel } from '../../components/reason-panel';
import { formatDateAndTime, unitName } from '../../format';
import { useI18n } from '../../i18n';
import type { Message } from '../../i18n/message';
import { codeLabel } from '../register/labels';
import { formatQuantity, measureName, operationLabel } from './campaign-format';

interface TimelineProps {
  readonly operations: readonly OperationView[];
  readonly measures: readonly MeasureView[];
  readonly localities: readonly LocalityView[];
  /** The user may void operations (records.write). */
  readonly canVoid: boolean;
  readonly onVoided: (message: Message) => void;
}

/**
 * The operations of a campaign in time order: when, what kind, where, who led, persons and seizures;
 * each can be voided with a reason, which takes its figures out of the results.
 */
export function OperationTimeline({ operations, measures, localities, canVoid, onVoided }: TimelineProps) {
  const { t, lang } = useI18n();
  const [voiding, setVoiding] = useState<OperationView | null>(null);
  if (operations.length === 0) return <p className="muted">{t('operations.empty')}</p>;
  const seizure = (code: string, quantity: number) => {
    const measure = measures.find((m) => m.code === code);
    return measure ? `${measureName(lang, measure)}: ${formatQuantity(quantity)} ${unitName(lang, measure.unit)}` : `${code}: ${formatQuantity(quantity)}`;
  };
  const localityName = (id: string) => localities.find((l) => l.id === id)?.name ?? id;
  return (
    <ol className="timeline" aria-label={t('operations.title')}>
      {operations.map((op) => (
        <li key={op.id} className="timeline-item">
          <div className="timeline-row">
            <p className="timeline-head">
              <time dateTime={new Date(op.startedAt).toISOString()}>{formatDateAndTime(op.startedAt)}</time> – <strong>{codeLabel(t, 'operationKind', op.kind)}</strong>
              {op.place ? ` – ${op.place}` : ''}
            </p>
            {canVoid && voiding?.id !== op.id ? (
              <Button small variant="quiet" onClick={() => setVoiding(op)}>
                {t('operation.void')}
                <span className="sr-only"> {t('operation.voidWhich', { operation: operationLabel(t, op) })}</span>
              </Button>
            ) : null}
          </div>
          <ul className="timeline-facts">
            {op.localityId ? (
              <li>
                {t('operation.locality')}: {localityName(op.localityId)}
              </li>
            ) : null}
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
          {voiding?.id === op.id ? (
            <ReasonPanel
              key={op.id}
              id="operation-void-title"
              title={t('operation.voidTitle', { operation: operationLabel(t, op) })}
              reasonLabel={t('operation.voidReason')}
              submitLabel={t('operation.voidSave')}
              cancelLabel={t('operation.keep')}
              submit={(reason) => invoke('operations.void', { id: op.id, reason })}
              onCancel={() => setVoiding(null)}
              onDone={() => {
                setVoiding(null);
                onVoided({ key: 'operations.voided', params: { operation: operationLabel(t, op) } });
              }}
            >
              <p>{t('operation.voidNote')}</p>
            </ReasonPanel>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
