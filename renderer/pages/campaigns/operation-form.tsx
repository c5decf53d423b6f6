import { useState } from 'react';
import { operationInput, operationKinds } from '../../../api/calls/campaigns';
import type { CampaignView, LocalityView, MeasureView } from '../../../api/views';
import { invoke } from '../../api-client';
import { Button } from '../../components/button';
import { FormFrame } from '../../components/form-frame';
import { SelectField } from '../../components/select-field';
import { TextAreaField } from '../../components/text-area-field';
import { TextField } from '../../components/text-field';
import { blankToNull, chosenCode, toDecimal, toNumber } from '../../forms/convert';
import { useForm } from '../../forms/use-form';
import { useI18n } from '../../i18n';
import { isoDateOf, vnInstant } from '../../../core/vn-time';
import { codeOptions } from '../register/labels';
import { measureName } from './campaign-format';
import { newEntryKey } from './campaign-values';
import { ReportSearch } from '../../components/report-search';
import { unitName } from '../../format';

type Kind = (typeof operationKinds)[number];

interface OperationValues {
  readonly kind: Kind | '';
  readonly startedAt: string;
  readonly startedTime: string;
  readonly place: string;
  readonly localityId: string;
  readonly forces: string;
  readonly leader: string;
  readonly personsArrested: string;
  readonly personsSanctioned: string;
  readonly seizures: readonly { readonly key: string; readonly measureCode: string; readonly quantity: string }[];
  readonly reports: readonly { readonly id: string; readonly label: string }[];
  readonly notes: string;
}

/** Ghi nhận đợt ra quân: kind, when and where, who, persons arrested and sanctioned, seizures, reports. */
export function OperationForm({
  campaign,
  measures,
  localities,
  onDone,
}: {
  readonly campaign: CampaignView;
  readonly measures: readonly MeasureView[];
  readonly localities: readonly LocalityView[];
  readonly onDone: () => void;
}) {
  const { t, lang } = useI18n();
  const [day] = useState(() => {
    const today = isoDateOf(Date.now());
    return today >= campaign.startDate && today <= campaign.endDate ? today : campaign.startDate;
  });
  const form = useForm({
    schema: operationInput,
    initial: {
      kind: '',
      startedAt: day,
      startedTime: '08:00',
      place: '',
      localityId: '',
      forces: '',
      leader: '',
      personsArrested: '0',
      personsSanctioned: '0',
      seizures: [],
      reports: [],
      notes: '',
    } as OperationValues,
    toInput: (values: OperationValues) => ({
      campaignId: campaign.id,
      kind: chosenCode(values.kind),
      startedAt: vnInstant(values.startedAt, values.startedTime),
      place: values.place,
      localityId: blankToNull(values.localityId),
      forces: values.forces,
      leader: values.leader,
      personsArrested: toNumber(values.personsArrested),
      personsSanctioned: toNumber(values.personsSanctioned),
      seizures: values.seizures.map((s) => ({ measureCode: s.measureCode, quantity: toDecimal(s.quantity) })),
      reportIds: values.reports.map((r) => r.id),
      notes: values.notes,
    }),
    submit: (input) => invoke('operations.create', input),
    onSuccess: onDone,
    resetOnSuccess: true,
    draftKey: `operation.new:${campaign.id}`,
  });
  const { values } = form;
  const seizureMeasures = measures.filter((m) => m.source === 'seizure');
  const seizureOptions = [{ value: '', label: t('common.choose') }, ...seizureMeasures.map((m) => ({ value: m.code, label: `${measureName(lang, m)} (${unitName(lang, m.unit)})` }))];
  const addSeizure = () => form.update((current) => ({ ...current, seizures: [...current.seizures, { key: newEntryKey(), measureCode: '', quantity: '' }] }), 'seizures');
  const removeSeizure = (index: number) => form.update((current) => ({ ...current, seizures: current.seizures.filter((_, i) => i !== index) }), 'seizures');
  const removeReport = (id: string) => form.update((current) => ({ ...current, reports: current.reports.filter((r) => r.id !== id) }), 'reports');

  return (
    <FormFrame form={form} submitLabel={t('operations.save')} labelledBy="operation-title" requiredNote>
      <div className="field-row field-row-3">
        <SelectField {...form.field('kind')} label={t('operation.kind')} options={[{ value: '', label: t('common.choose') }, ...codeOptions(t, 'operationKind', operationKinds)]} required />
        <TextField {...form.field('startedAt')} type="date" label={t('operation.date')} required />
        <TextField {...form.field('startedTime')} type="time" label={t('operation.time')} required />
      </div>
      <div className="field-row">
        <TextField {...form.field('place')} label={t('operation.place')} />
        <SelectField {...form.field('localityId')} label={t('operation.locality')} options={[{ value: '', label: t('common.choose') }, ...localities.filter((l) => !l.voided).map((l) => ({ value: l.id, label: l.name }))]} />
      </div>
      <div className="field-row">
        <TextField {...form.field('leader')} label={t('operation.leader')} />
        <TextField {...form.field('forces')} label={t('operation.forces')} />
      </div>
      <div className="field-row">
        <TextField {...form.field('personsArrested')} label={t('operation.arrested')} inputMode="numeric" maxLength={6} />
        <TextField {...form.field('personsSanctioned')} label={t('operation.sanctioned')} inputMode="numeric" maxLength={6} />
      </div>
      <section className="people" aria-labelledby="operation-seizures-title">
        <h3 id="operation-seizures-title">{t('operation.seizures')}</h3>
        {values.seizures.length === 0 ? <p className="muted">{t('operation.noSeizures')}</p> : null}
        {values.seizures.map((entry, index) => {
          const n = index + 1;
          const measure = seizureMeasures.find((m) => m.code === entry.measureCode);
          return (
            <fieldset key={entry.key} className="fieldset" aria-labelledby={`seizure-${entry.key}`}>
              <legend id={`seizure-${entry.key}`}>{t('operation.seizure', { n })}</legend>
              <div className="field-row field-row-3">
                <SelectField {...form.field(`seizures.${index}.measureCode`)} label={t('operation.seizureItem')} options={seizureOptions} required />
                <TextField
                  {...form.field(`seizures.${index}.quantity`)}
                  label={t('operation.quantity')}
                  hint={t('operation.quantityHint', { unit: measure ? unitName(lang, measure.unit) : '' })}
                  inputMode="text"
                  required
                />
                <div className="person-entry-remove">
                  <Button small variant="danger" onClick={() => removeSeizure(index)}>
                    {t('operation.removeSeizure', { n })}
                  </Button>
                </div>
              </div>
            </fieldset>
          );
        })}
        <Button onClick={addSeizure}>{t('operation.addSeizure')}</Button>
      </section>
      <section className="people" aria-labelledby="operation-reports-title">
        <h3 id="operation-reports-title">{t('operation.reports')}</h3>
        {values.reports.length > 0 ? (
          <ul className="linked-list">
            {values.reports.map((r) => (
              <li key={r.id}>
                <span>{r.label}</span>
                <Button small variant="quiet" onClick={() => removeReport(r.id)}>
                  {t('operation.removeReport', { number: r.label })}
                </Button>
              </li>
            ))}
          </ul>
        ) : null}
        <ReportSearch
          id="operation-report-search"
          label={t('campaignReports.search')}
          hint={t('campaignReports.searchHint')}
          exclude={values.reports.map((r) => r.id)}
          onChoose={(report) => form.update((current) => ({ ...current, reports: [...current.reports, { id: report.id, label: `${report.number} – ${report.summary}` }] }), 'reports')}
        />
      </section>
      <TextAreaField {...form.field('notes')} label={t('operation.notes')} rows={2} />
    </FormFrame>
  );
}
