import { z } from 'zod';
import { periodInput, reportScope } from '../../api/calls/periodic';
import type { PeriodicFigures } from '../../api/views';
import { invoke } from '../api-client';
import { FormFrame } from '../components/form-frame';
import { SelectField, type SelectOption } from '../components/select-field';
import { TextField } from '../components/text-field';
import type { Offices } from '../data/use-offices';
import { useForm } from '../forms/use-form';
import { useI18n, type I18n } from '../i18n';
import { roman } from '../print/print-list-text';
import { indexCount, periodKinds, toPeriodInput, withKind, type PeriodKind, type PeriodValues } from './period-values';

const schema = z.object({ period: periodInput, officeId: reportScope });

function indexOptions(t: I18n['t'], kind: PeriodKind): SelectOption<string>[] {
  return Array.from({ length: indexCount(kind) }, (_, i) => {
    const n = i + 1;
    const label = kind === 'month' ? t('periodic.month', { n }) : kind === 'quarter' ? t('periodic.quarter', { n: roman(n) }) : t(n === 1 ? 'periodic.half.1' : 'periodic.half.2');
    return { value: String(n), label };
  });
}

export interface PeriodFormProps {
  readonly initial: PeriodValues;
  readonly cutoffDay: number;
  readonly onComputed: (report: PeriodicFigures) => void;
  readonly offices: Offices;
}

/** Chooses the period (a police month, quarter, half or year, or any dates) and computes its figures. */
export function PeriodForm({ initial, cutoffDay, onComputed, offices }: PeriodFormProps) {
  const { t } = useI18n();
  const form = useForm({
    guardLeave: false, schema, initial, toInput: toPeriodInput, submit: (input) => invoke('periodic.compute', input), onSuccess: onComputed });
  const { kind } = form.values.period;
  const kindField = form.field('period.kind');
  return (
    <FormFrame form={form} submitLabel={t('periodic.compute')} labelledBy="periodic-choose">
      {offices.many ? (
        <div className="field-row field-row-4">
          <SelectField
            id="periodic-office"
            name="officeId"
            error={undefined}
            inputRef={() => undefined}
            value={form.values.officeId ?? ''}
            onChange={(next) => form.update((values) => ({ ...values, officeId: next }))}
            label={t('office.filter')}
            options={offices.options(t('periodic.allOffices'))}
          />
        </div>
      ) : null}
      <div className="field-row field-row-4">
        <SelectField
          {...kindField}
          onChange={(next) => form.update((values) => withKind(values, next), 'period')}
          label={t('periodic.kind')}
          options={periodKinds.map((k) => ({ value: k, label: t(`periodic.kind.${k}`) }))}
        />
        {kind === 'custom' ? (
          <>
            <TextField {...form.field('period.start')} type="date" label={t('periodic.start')} required />
            <TextField {...form.field('period.end')} type="date" label={t('periodic.end')} required />
          </>
        ) : (
          <>
            <TextField {...form.field('period.year')} label={t('periodic.year')} inputMode="numeric" maxLength={4} required />
            {indexCount(kind) > 0 ? <SelectField {...form.field('period.index')} label={t('periodic.index')} options={indexOptions(t, kind)} /> : null}
          </>
        )}
      </div>
      {cutoffDay > 1 ? <p className="field-hint">{t('periodic.cutoffHint', { day: cutoffDay, last: cutoffDay - 1 })}</p> : null}
    </FormFrame>
  );
}
