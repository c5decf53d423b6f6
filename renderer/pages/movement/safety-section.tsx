import { useState } from 'react';
import { contract } from '../../../api/contract';
import type { LocalityView, SafetySummary } from '../../../api/views';
import { invoke } from '../../api-client';
import { Button } from '../../components/button';
import { CheckboxField } from '../../components/checkbox-field';
import { DataTable } from '../../components/data-table';
import { DetailsList } from '../../components/details-list';
import { Field } from '../../components/field';
import { FormFrame } from '../../components/form-frame';
import { Panel } from '../../components/panel';
import { SelectField } from '../../components/select-field';
import { TextField } from '../../components/text-field';
import { blankToNull, chosenCode } from '../../forms/convert';
import { useForm } from '../../forms/use-form';
import { useI18n } from '../../i18n';
import type { Message } from '../../i18n/message';
import { useCan } from '../../session/session-context';
import { formatPercent } from '../campaigns/campaign-format';
import { shortfallKey, unitKindKey } from './movement-labels';
import { SafetyCriteria } from './safety-criteria';

type Unit = SafetySummary['units'][number];
type Criterion = SafetySummary['criteria'][number];
type UnitKind = 'village' | 'agency' | 'enterprise' | 'school';
const unitKinds: readonly UnitKind[] = ['village', 'agency', 'enterprise', 'school'];
/** The codes asked, so an open checklist is rebuilt when an administrator adds or retires a criterion. */
const criteriaKey = (criteria: readonly Criterion[]) => criteria.map((c) => c.code).join(',');
const asUnitKind = (kind: string): UnitKind => unitKinds.find((k) => k === kind) ?? 'village';

interface SafetyProps {
  readonly summary: SafetySummary;
  readonly localities: readonly LocalityView[];
  /** The year chosen; the summary shown may still be the previous year's while the new one loads. */
  readonly year: number;
  readonly years: readonly number[];
  readonly onYearChange: (year: number) => void;
  readonly onChanged: (message: Message) => void;
}

/**
 * Đánh giá "an toàn về an ninh, trật tự" of one year, chosen at the top: every unit with whether it was
 * evaluated and recognised, its checklist (office leads only), the commune's result with the reasons it
 * falls short, and the criteria the checklists ask (administrators keep them).
 */
export function SafetySection({ summary, localities, year, years, onYearChange, onChanged }: SafetyProps) {
  const { t } = useI18n();
  const canLead = useCan('office.lead');
  const canWrite = useCan('records.write');
  const [evaluating, setEvaluating] = useState<Unit | null>(null);
  const yes = t('common.yes');
  const no = t('common.no');
  const unitKey = (u: Unit) => `${u.unitKind}:${u.unitId}`;
  const criteriaFor = (u: Unit) => summary.criteria.filter((c) => c.unitKind === u.unitKind);
  return (
    <section className="card" aria-labelledby="safety-title">
      <h2 id="safety-title">{t('safety.title', { year: summary.year })}</h2>
      <div className="section-toolbar">
        <Field id="safety-year" label={t('safety.year')} hint={t('safety.yearHint')}>
          {(aria) => (
            <select {...aria} className="input input-short" value={year} onChange={(event) => onYearChange(Number(event.target.value))}>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <CommuneResult commune={summary.commune} />
      <DataTable
        caption={t('safety.units')}
        columns={[
          { key: 'name', header: t('safety.unit'), rowHeader: true, cell: (u) => u.name },
          { key: 'kind', header: t('safety.unitKind'), cell: (u) => t(unitKindKey(u.unitKind)) },
          { key: 'evaluated', header: t('safety.evaluatedCol'), cell: (u) => (u.evaluated ? yes : no) },
          { key: 'recognised', header: t('safety.recognisedCol'), cell: (u) => (u.recognised ? yes : no) },
          ...(canLead
            ? [
                {
                  key: 'action',
                  header: t('safety.evaluate'),
                  cell: (u: Unit) => (
                    <Button small onClick={() => setEvaluating(u)} expanded={evaluating !== null && unitKey(evaluating) === unitKey(u)}>
                      {t('safety.evaluate')}
                      <span className="sr-only"> {u.name}</span>
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
        rows={summary.units}
        rowKey={unitKey}
        empty={t('safety.noUnits')}
      />
      {canLead && evaluating ? (
        <UnitEvaluation
          key={`${unitKey(evaluating)}:${summary.year}:${criteriaKey(criteriaFor(evaluating))}`}
          unit={evaluating}
          criteria={criteriaFor(evaluating)}
          year={summary.year}
          onCancel={() => setEvaluating(null)}
          onDone={() => {
            const name = evaluating.name;
            setEvaluating(null);
            onChanged({ key: 'safety.evaluated', params: { name } });
          }}
        />
      ) : null}
      {canWrite ? (
        <section className="subsection" aria-labelledby="safety-unit-title">
          <h3 id="safety-unit-title">{t('safety.addUnit')}</h3>
          <UnitForm localities={localities} onDone={() => onChanged({ key: 'safety.unitAdded' })} />
        </section>
      ) : null}
      <SafetyCriteria criteria={summary.criteria} onChanged={onChanged} />
    </section>
  );
}

function CommuneResult({ commune }: { readonly commune: SafetySummary['commune'] }) {
  const { t } = useI18n();
  const share = commune.villageShare === null ? t('common.none') : formatPercent(commune.villageShare * 100);
  return (
    <section aria-labelledby="commune-title">
      <h3 id="commune-title">{t('commune.title')}</h3>
      <p className={commune.passed ? 'status-on' : 'status-off'} role="status">
        <strong>{t('commune.result', { result: t(commune.passed ? 'commune.passed' : 'commune.failed') })}</strong>
      </p>
      <DetailsList
        items={[
          { label: t('commune.workingModels'), value: String(commune.workingModels) },
          { label: t('commune.villages'), value: t('commune.villagesValue', { recognised: commune.villagesRecognised, total: commune.villagesTotal, share }) },
          { label: t('commune.seriousIncidents'), value: String(commune.seriousIncidents) },
        ]}
      />
      {commune.shortfalls.length > 0 ? (
        <>
          <p>{t('commune.shortfalls')}:</p>
          <ul aria-label={t('commune.shortfalls')}>
            {commune.shortfalls.map((code) => (
              <li key={code}>{shortfallKey(code) === 'common.none' ? code : t(shortfallKey(code))}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

interface EvaluationProps {
  readonly unit: Unit;
  readonly criteria: readonly Criterion[];
  readonly year: number;
  readonly onDone: () => void;
  readonly onCancel: () => void;
}

function UnitEvaluation({ unit, criteria, year, onDone, onCancel }: EvaluationProps) {
  const { t } = useI18n();
  const form = useForm({
    schema: contract['safety.evaluate'].input,
    initial: { results: criteria.map((c) => ({ criterionCode: c.code, passed: false, evidence: '' })) },
    toInput: (values) => ({ year, unitKind: asUnitKind(unit.unitKind), unitId: unit.unitId, results: values.results }),
    submit: (input) => invoke('safety.evaluate', input),
    onSuccess: onDone,
  });
  const title = t('safety.evaluateTitle', { name: unit.name });
  return (
    <Panel id="safety-evaluate-title" title={title}>
      {criteria.length === 0 ? <p className="muted">{t('safety.noCriteria')}</p> : null}
      <FormFrame form={form} submitLabel={t('safety.evaluateSave')} labelledBy="safety-evaluate-title" onCancel={onCancel}>
        {criteria.map((criterion, index) => (
          <fieldset key={criterion.code} className="fieldset" aria-labelledby={`criterion-${criterion.code}`}>
            <legend id={`criterion-${criterion.code}`}>{t('safety.criterion', { n: index + 1 })}</legend>
            <p>{criterion.text}</p>
            <CheckboxField {...form.field(`results.${index}.passed`)} label={t('safety.passed')} />
            <TextField {...form.field(`results.${index}.evidence`)} label={t('safety.evidence')} maxLength={2000} />
          </fieldset>
        ))}
      </FormFrame>
    </Panel>
  );
}

function UnitForm({ localities, onDone }: { readonly localities: readonly LocalityView[]; readonly onDone: () => void }) {
  const { t } = useI18n();
  const form = useForm({
    schema: contract['safety.addUnit'].input,
    initial: { name: '', unitKind: '' as Exclude<UnitKind, 'village'> | '', localityId: '' },
    toInput: (values) => ({ name: values.name, unitKind: chosenCode(values.unitKind), localityId: blankToNull(values.localityId) }),
    submit: (input) => invoke('safety.addUnit', input),
    onSuccess: onDone,
    resetOnSuccess: true,
  });
  return (
    <FormFrame form={form} submitLabel={t('safety.addUnitSave')} labelledBy="safety-unit-title" requiredNote>
      <div className="field-row field-row-3">
        <TextField {...form.field('name')} label={t('safety.unitName')} maxLength={200} required />
        <SelectField
          {...form.field('unitKind')}
          label={t('safety.unitKind')}
          options={[{ value: '', label: t('common.choose') }, ...(['agency', 'enterprise', 'school'] as const).map((k) => ({ value: k, label: t(unitKindKey(k)) }))]}
          required
        />
        <SelectField
          {...form.field('localityId')}
          label={t('model.locality')}
          options={[{ value: '', label: t('common.choose') }, ...localities.filter((l) => !l.voided).map((l) => ({ value: l.id, label: l.name }))]}
        />
      </div>
    </FormFrame>
  );
}
