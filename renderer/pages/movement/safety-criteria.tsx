import { useState } from 'react';
import { safetyUnitKinds } from '../../../api/calls/movement';
import type { SafetySummary } from '../../../api/views';
import { invoke } from '../../api-client';
import { Button } from '../../components/button';
import { DataTable, type Column } from '../../components/data-table';
import { ReasonPanel } from '../../components/reason-panel';
import { useI18n } from '../../i18n';
import type { Message } from '../../i18n/message';
import { useCan } from '../../session/session-context';
import { CriterionAddPanel, CriterionEditPanel, shortText } from './criterion-forms';
import { unitKindKey } from './movement-labels';

type Criterion = SafetySummary['criteria'][number];
type Task = { readonly kind: 'add' } | { readonly kind: 'edit' | 'retire'; readonly criterion: Criterion };

/** By kind of unit (villages first), then in the order the office keeps them. */
function byUnitKind(criteria: readonly Criterion[]): Criterion[] {
  const rank = (kind: string) => {
    const index = safetyUnitKinds.findIndex((k) => k === kind);
    return index < 0 ? safetyUnitKinds.length : index;
  };
  return criteria.map((c, index) => ({ c, index })).sort((a, b) => rank(a.c.unitKind) - rank(b.c.unitKind) || a.index - b.index).map(({ c }) => c);
}

/**
 * Tiêu chí đánh giá: the checklist each kind of unit is evaluated on (reference data, Circular
 * 124/2021/TT-BCA). Everyone reads it; an administrator adds, rewords and retires criteria.
 */
export function SafetyCriteria({ criteria, onChanged }: { readonly criteria: readonly Criterion[]; readonly onChanged: (message: Message) => void }) {
  const { t } = useI18n();
  const canManage = useCan('settings.manage');
  const [task, setTask] = useState<Task | null>(null);
  const done = (message: Message) => {
    setTask(null);
    onChanged(message);
  };
  const isTask = (kind: 'edit' | 'retire', c: Criterion) => task !== null && task.kind !== 'add' && task.kind === kind && task.criterion.code === c.code;
  const columns: Column<Criterion>[] = [
    { key: 'kind', header: t('criteria.unitKind'), className: 'nowrap', cell: (c) => t(unitKindKey(c.unitKind)) },
    { key: 'text', header: t('criteria.text'), rowHeader: true, cell: (c) => c.text },
    { key: 'source', header: t('hol.source'), className: 'nowrap', cell: (c) => t(c.source === 'higher' ? 'hol.source.higher' : 'hol.source.office') },
    ...(canManage
      ? [
          {
            key: 'actions',
            header: t('common.actions'),
            cell: (c: Criterion) => (
              <div className="row-actions">
                <Button small onClick={() => setTask({ kind: 'edit', criterion: c })} expanded={isTask('edit', c)}>
                  {t('common.edit')}
                  <span className="sr-only"> {t('criteria.which', { text: shortText(c.text) })}</span>
                </Button>
                <Button small variant="quiet" onClick={() => setTask({ kind: 'retire', criterion: c })} expanded={isTask('retire', c)}>
                  {t('criteria.retire')}
                  <span className="sr-only"> {t('criteria.which', { text: shortText(c.text) })}</span>
                </Button>
              </div>
            ),
          },
        ]
      : []),
  ];
  return (
    <section className="subsection" aria-labelledby="criteria-title">
      <h3 id="criteria-title">{t('criteria.title')}</h3>
      <p className="muted">{canManage ? t('criteria.intro') : t('criteria.adminOnly')}</p>
      {canManage && task?.kind !== 'add' ? (
        <div className="page-actions">
          <Button onClick={() => setTask({ kind: 'add' })}>{t('criteria.add')}</Button>
        </div>
      ) : null}
      {task?.kind === 'add' ? <CriterionAddPanel onCancel={() => setTask(null)} onDone={(text) => done({ key: 'criteria.added', params: { text: shortText(text) } })} /> : null}
      {task?.kind === 'edit' ? (
        <CriterionEditPanel key={task.criterion.code} criterion={task.criterion} onCancel={() => setTask(null)} onDone={(text) => done({ key: 'criteria.edited', params: { text: shortText(text) } })} />
      ) : null}
      {task?.kind === 'retire' ? (
        <ReasonPanel
          key={task.criterion.code}
          id="criterion-retire-title"
          title={t('criteria.retireTitle', { text: shortText(task.criterion.text) })}
          reasonLabel={t('criteria.retireReason')}
          submitLabel={t('criteria.retire')}
          submit={(reason) => invoke('safety.retireCriterion', { code: task.criterion.code, reason })}
          onCancel={() => setTask(null)}
          onDone={() => done({ key: 'criteria.retired', params: { text: shortText(task.criterion.text) } })}
        >
          <p>{task.criterion.text}</p>
          <p className="muted">{t('criteria.retireNote')}</p>
        </ReasonPanel>
      ) : null}
      <DataTable caption={t('criteria.title')} captionHidden columns={columns} rows={byUnitKind(criteria)} rowKey={(c) => c.code} empty={t('criteria.empty')} />
    </section>
  );
}
