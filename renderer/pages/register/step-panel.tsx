import { useState } from 'react';
import { decisions, transitionInput } from '../../../api/calls/register';
import { contract } from '../../../api/contract';
import type { ReportDetail } from '../../../api/views';
import { invoke } from '../../api-client';
import { FormFrame } from '../../components/form-frame';
import { Panel } from '../../components/panel';
import { SelectField } from '../../components/select-field';
import { TextAreaField } from '../../components/text-area-field';
import { TextField } from '../../components/text-field';
import { formatIsoDate } from '../../format';
import { useForm, type Form } from '../../forms/use-form';
import { useI18n, type MessageKey } from '../../i18n';
import { codeOptions } from './labels';
import { stepValues, toStep, type StepId, type StepValues, type TransitionId } from './report-steps';

export interface StepPanelProps {
  readonly step: StepId;
  readonly report: ReportDetail;
  readonly onDone: (report: ReportDetail) => void;
  readonly onCancel: () => void;
}

const hints: Partial<Record<StepId, MessageKey>> = {
  start_check: 'action.start_check.hint',
  handle_in_commune: 'action.handle_in_commune.hint',
  mark_complex: 'action.mark_complex.hint',
  unmark_complex: 'action.unmark_complex.hint',
  void: 'action.void.hint',
};

/** A step of the procedure in a small form: its date and what the law asks to record with it. */
export function StepPanel(props: StepPanelProps) {
  return props.step === 'void' ? <VoidPanel {...props} /> : <TransitionPanel {...props} step={props.step} />;
}

function TransitionPanel({ step, report, onDone, onCancel }: StepPanelProps & { readonly step: TransitionId }) {
  const [now] = useState(() => Date.now());
  const form = useForm({
    schema: transitionInput,
    initial: stepValues(now),
    toInput: (values) => toStep(step, values),
    submit: (input) => invoke('reports.transition', { id: report.id, baseVersion: report.version, step: input }),
    onSuccess: onDone,
  });
  return <StepFrame step={step} report={report} form={form} onCancel={onCancel} />;
}

function VoidPanel({ report, onDone, onCancel }: StepPanelProps) {
  const [now] = useState(() => Date.now());
  const form = useForm({
    schema: contract['reports.void'].input,
    initial: stepValues(now),
    toInput: (values) => ({ id: report.id, baseVersion: report.version, reason: values.reason }),
    submit: (input) => invoke('reports.void', input),
    onSuccess: onDone,
  });
  return <StepFrame step="void" report={report} form={form} onCancel={onCancel} />;
}

function StepFrame({ step, report, form, onCancel }: { readonly step: StepId; readonly report: ReportDetail; readonly form: Form<StepValues>; readonly onCancel: () => void }) {
  const { t } = useI18n();
  const label = t(`action.${step}`);
  const hint = hints[step];
  const when = (
    <div className="field-row">
      <TextField {...form.field('at')} type="date" label={t('step.date')} required />
      <TextField {...form.field('time')} type="time" label={t('step.time')} required />
    </div>
  );
  return (
    <Panel id="step-title" title={label}>
      {hint ? <p>{t(hint)}</p> : null}
      <FormFrame form={form} submitLabel={label} submitVariant={step === 'void' ? 'danger' : 'primary'} labelledBy="step-title" onCancel={onCancel}>
        {step === 'transfer' ? (
          <>
            <TextField {...form.field('to')} label={t('step.to')} hint={t('step.toHint')} required />
            {when}
          </>
        ) : null}
        {step === 'notice_sent' ? when : null}
        {step === 'extend' ? (
          <div className="field-row">
            <TextField {...form.field('until')} type="date" label={t('step.until')} hint={t('report.extensionLimit', { date: formatIsoDate(report.extensionLimit) })} required />
            <TextField {...form.field('decisionNo')} label={t('step.decisionNo')} required />
          </div>
        ) : null}
        {step === 'decide' ? (
          <>
            <div className="field-row">
              <SelectField {...form.field('decision')} label={t('step.decision')} options={codeOptions(t, 'decision', decisions)} required />
              <TextField {...form.field('decisionNo')} label={t('step.decisionNo')} required />
            </div>
            {when}
          </>
        ) : null}
        {step === 'resolve' ? (
          <>
            <SelectField {...form.field('how')} label={t('step.how')} options={codeOptions(t, 'resolution', ['resolved_admin', 'resolved_mediation'] as const)} required />
            <TextAreaField {...form.field('note')} label={t('step.note')} rows={3} required />
          </>
        ) : null}
        {step === 'void' ? <TextAreaField {...form.field('reason')} label={t('step.reason')} rows={2} required /> : null}
      </FormFrame>
    </Panel>
  );
}
