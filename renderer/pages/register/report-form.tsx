import type { KeyboardEvent } from 'react';
import { channels, reportFields, reportKinds } from '../../../api/calls/register';
import type { CallError, Result } from '../../../api/result';
import type { ReportDetail } from '../../../api/views';
import { Button } from '../../components/button';
import { CheckboxField } from '../../components/checkbox-field';
import { FormFrame } from '../../components/form-frame';
import { SelectField } from '../../components/select-field';
import { TextAreaField } from '../../components/text-area-field';
import { TextField } from '../../components/text-field';
import { useForm } from '../../forms/use-form';
import { seesSecretReporters } from '../../../api/roles';
import { Notice } from '../../components/notice';
import { useI18n } from '../../i18n';
import { useSession } from '../../session/session-context';
import { categoryOptions, codeOptions } from './labels';
import { PersonEntry } from './person-entry';
import { emptyPerson, measuresOf, newEntryKey, toReportInput, type ReportValues } from './report-values';
import type { Reference } from './use-reference';

export interface ReportFormProps {
  readonly initial: ReportValues;
  readonly reference: Reference;
  readonly submitLabel: string;
  /** Id of the heading that names the form. */
  readonly labelledBy: string;
  readonly submit: (input: ReturnType<typeof reportFields.parse>) => Promise<Result<ReportDetail>>;
  readonly onSaved: (detail: ReportDetail) => void;
  readonly onFailure?: (error: CallError) => void;
  readonly onCancel: () => void;
  /** The key its draft is kept under ("report.new", "report.edit:<id>"). */
  readonly draftKey: string;
}

/**
 * The one form for a new report and for an edit. Validated with `reportFields` (api/) before it is
 * sent; a refused save keeps everything typed and marks the fields. Enter in a text box does not
 * submit (a long form is sent with its button only).
 */
export function ReportForm({ initial, reference, submitLabel, labelledBy, submit, onSaved, onFailure, onCancel, draftKey }: ReportFormProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const form = useForm({ schema: reportFields, initial, toInput: toReportInput, submit, onSuccess: onSaved, onFailure, draftKey });
  const { values } = form;
  const measures = measuresOf(values.kind);
  // An anonymous report's reporter is kept from officers (db/secrets.ts): they edit the rest of it.
  const { session } = useSession();
  const secretReporter = initial.reporterAnonymous && !seesSecretReporters(session.user.role);

  const localityOptions = [{ value: '', label: t('reportForm.noLocality') }, ...reference.localities.filter((l) => !l.voided || l.id === values.localityId).map((l) => ({ value: l.id, label: l.name }))];
  const officerOptions = [{ value: '', label: t('report.noOfficer') }, ...reference.officers.map((o) => ({ value: o.id, label: o.rank ? `${o.fullName} (${o.rank})` : o.fullName }))];

  const addPerson = () =>
    form.update((current) => ({ ...current, persons: [...current.persons, { key: newEntryKey(), role: 'suspect', personId: '', person: emptyPerson }] }), 'persons');
  const removePerson = (index: number) => form.update((current) => ({ ...current, persons: current.persons.filter((_, i) => i !== index) }), 'persons');

  // Enter in a one-line input would submit the whole register entry half-typed.
  const keepEnter = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Enter' && event.target instanceof HTMLInputElement) event.preventDefault();
  };

  return (
    <FormFrame form={form} submitLabel={submitLabel} labelledBy={labelledBy} onCancel={onCancel} requiredNote>
      <div className="report-form" onKeyDown={keepEnter}>
        <fieldset className="fieldset">
          <legend>{t('reportForm.receipt')}</legend>
          <div className="field-row field-row-4">
            <TextField {...form.field('receivedAt')} type="date" label={t('report.receivedAt')} required />
            <TextField {...form.field('receivedTime')} type="time" label={t('report.receivedTime')} required />
            <SelectField {...form.field('channel')} label={t('report.channel')} options={codeOptions(t, 'channel', channels)} required />
            <SelectField {...form.field('kind')} label={t('report.kind')} options={codeOptions(t, 'kind', reportKinds)} required />
          </div>
        </fieldset>

        <fieldset className="fieldset">
          <legend>{t('reportForm.content')}</legend>
          <TextField {...form.field('summary')} label={t('report.summary')} maxLength={300} required />
          <div className="field-row">
            <SelectField {...form.field('categoryCode')} label={t('report.category')} options={categoryOptions(i18n, reference.categories, t('reportForm.noCategory'))} />
            <SelectField {...form.field('officerId')} label={t('report.officer')} options={officerOptions} />
          </div>
          <div className="field-row">
            <TextField {...form.field('occurredOn')} type="date" label={t('report.occurredOn')} />
            <TextField {...form.field('occurredNote')} label={t('report.occurredNote')} hint={t('report.occurredNoteHint')} />
          </div>
          <div className="field-row">
            <SelectField {...form.field('localityId')} label={t('report.locality')} options={localityOptions} />
            <TextField {...form.field('address')} label={t('report.address')} />
          </div>
          <TextAreaField {...form.field('description')} label={t('report.description')} rows={5} />
        </fieldset>

        {measures ? (
          <fieldset className="fieldset">
            <legend>{t('reportForm.measures')}</legend>
            {measures === 'casualties' ? (
              <div className="field-row field-row-3">
                <TextField {...form.field('deaths')} label={t('report.deaths')} inputMode="numeric" maxLength={6} />
                <TextField {...form.field('injuries')} label={t('report.injuries')} inputMode="numeric" maxLength={6} />
                <TextField {...form.field('damage')} label={t('report.damage')} inputMode="numeric" maxLength={22} />
              </div>
            ) : (
              <div className="field-row">
                <TextField {...form.field('sanctionDecision')} label={t('report.sanctionDecision')} />
                <TextField {...form.field('fine')} label={t('report.fine')} inputMode="numeric" maxLength={22} />
              </div>
            )}
          </fieldset>
        ) : null}

        <fieldset className="fieldset">
          <legend>{t('reportForm.reporter')}</legend>
          {secretReporter ? (
            // The backend keeps the stored reporter and the secrecy whatever this form sends (db/register/reports.ts).
            <Notice kind="info">{t('report.reporterSecret')}</Notice>
          ) : (
            <>
              <CheckboxField {...form.field('reporterAnonymous')} label={t('report.reporterAnonymous')} />
              <div className="field-row">
                <TextField {...form.field('reporterName')} label={t('report.reporterName')} />
                <TextField {...form.field('reporterContact')} type="tel" label={t('report.reporterContact')} />
              </div>
              <TextField {...form.field('reporterAddress')} label={t('report.reporterAddress')} />
            </>
          )}
        </fieldset>

        <section className="people" aria-labelledby="report-people-title">
          <h2 id="report-people-title">{t('reportForm.people')}</h2>
          {values.persons.length === 0 ? <p className="muted">{t('person.none')}</p> : null}
          {values.persons.map((entry, index) => (
            <PersonEntry key={entry.key} form={form} index={index} onRemove={() => removePerson(index)} />
          ))}
          <Button onClick={addPerson}>{t('person.add')}</Button>
        </section>
      </div>
    </FormFrame>
  );
}
