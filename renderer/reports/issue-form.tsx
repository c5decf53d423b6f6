import { useEffect, useRef, useState, type FormEvent } from 'react';
import { issueInput } from '../../api/calls/periodic';
import type { IssuedReportView, OfficeView, PeriodicFigures, UserView } from '../../api/views';
import { invoke } from '../api-client';
import { Button } from '../components/button';
import { CheckboxField } from '../components/checkbox-field';
import { FormFrame } from '../components/form-frame';
import { Notice } from '../components/notice';
import { TextAreaField } from '../components/text-area-field';
import { TextField } from '../components/text-field';
import { useForm } from '../forms/use-form';
import { useI18n } from '../i18n';
import { chiefCapacity, isoToDisplay, officeSymbol, placeName } from '../print/print-format';
import { isoDateOf } from '../../core/vn-time';
import { defaultRecipients, recipientsOf } from './issued-text';
import { draftNarrative } from './narrative';

interface IssueValues {
  readonly narrative: string;
  /** Keep the text as edited when another period is computed (otherwise a new draft replaces it). */
  readonly keepEdits: boolean;
  readonly symbol: string;
  readonly issuedOn: string;
  readonly place: string;
  readonly signerTitle: string;
  readonly signerName: string;
  /** One recipient a line. */
  readonly recipients: string;
}

function initialValues(report: PeriodicFigures, office: OfficeView, user: UserView, chiefName: string): IssueValues {
  return {
    narrative: draftNarrative(report),
    keepEdits: false,
    symbol: `BC-${officeSymbol(office.name)}`,
    issuedOn: isoDateOf(Date.now()),
    place: placeName(office.name),
    signerTitle: chiefCapacity(office.name, office.level),
    // The chief named in the office's settings signs; without one, the chief issuing it.
    signerName: chiefName || (user.role === 'chief' ? user.fullName : ''),
    recipients: defaultRecipients(office.parentName),
  };
}

export interface IssueFormProps {
  readonly report: PeriodicFigures;
  readonly office: OfficeView;
  readonly user: UserView;
  /** The chief's name from the office's settings ('' when not set). */
  readonly chiefName: string;
  /** Today in Vietnam, YYYY-MM-DD: a period that ends today or later has not ended yet. */
  readonly today: string;
  readonly onIssued: (view: IssuedReportView) => void;
}

/**
 * The chief's text, drafted from the figures, and the particulars of the document (symbol, date,
 * place, signer, recipients): issuing numbers the report and freezes its figures. A new period
 * brings a new draft unless the chief asks to keep the edited text; "Tạo lại bản nháp" redrafts.
 */
export function IssueForm({ report, office, user, chiefName, today, onIssued }: IssueFormProps) {
  const { t } = useI18n();
  const [initial] = useState(() => initialValues(report, office, user, chiefName));
  // "Ban hành" first asks to confirm: issuing numbers the report and freezes its figures for good.
  const [confirming, setConfirming] = useState(false);
  const form = useForm({
    schema: issueInput,
    initial,
    toInput: (values: IssueValues) => ({
      period: report.period,
      officeId: report.officeId,
      narrative: values.narrative,
      symbol: values.symbol.trim().toLocaleUpperCase('vi'),
      issuedOn: values.issuedOn,
      place: values.place,
      signerTitle: values.signerTitle,
      signerName: values.signerName,
      recipients: recipientsOf(values.recipients),
    }),
    submit: (input) => invoke('periodic.issue', input),
    onSuccess: onIssued,
  });
  // The draft the text was last written from: the text differs from it once the chief has edited it.
  const draft = useRef(initial.narrative);
  const shownReport = useRef(report);
  const { set } = form;
  const { narrative, keepEdits } = form.values;
  const typed = useRef({ set, rebase: form.rebase, narrative, keepEdits });
  typed.current = { set, rebase: form.rebase, narrative, keepEdits };
  useEffect(() => {
    if (shownReport.current === report) return;
    shownReport.current = report;
    const { set, rebase, narrative, keepEdits } = typed.current;
    const next = draftNarrative(report);
    // The app's own draft for another period is not a change the user would lose by leaving.
    if (narrative === draft.current) rebase('narrative', next);
    else if (!keepEdits) set('narrative', next);
    draft.current = next;
    // Only a new report redrafts (the text and the choice are read as they are then); typing does not.
  }, [report]);
  const ask = { ...form, handleSubmit: (event: FormEvent) => (event.preventDefault(), setConfirming(true)) };
  const confirm = () => {
    setConfirming(false);
    form.handleSubmit({ preventDefault: () => undefined } as FormEvent);
  };
  const periodEnd = report.ranges.current.end;
  const redraft = () => {
    draft.current = draftNarrative(report);
    set('narrative', draft.current);
  };

  return (
    <FormFrame form={ask} submitLabel={t('periodic.issue')} labelledBy="periodic-issue" requiredNote>
      <TextAreaField {...form.field('narrative')} label={t('periodic.narrative')} hint={t('periodic.narrativeHint')} rows={16} required />
      <div className="form-actions">
        <Button onClick={redraft}>{t('periodic.regenerate')}</Button>
      </div>
      <CheckboxField {...form.field('keepEdits')} label={t('periodic.keepEdits')} />
      <div className="field-row field-row-3">
        <TextField {...form.field('symbol')} label={t('periodic.symbol')} hint={t('periodic.symbolHint', { symbol: initial.symbol })} maxLength={30} required />
        <TextField {...form.field('issuedOn')} type="date" label={t('periodic.issuedOn')} required />
        <TextField {...form.field('place')} label={t('periodic.place')} maxLength={100} required />
      </div>
      <div className="field-row">
        <TextField {...form.field('signerTitle')} label={t('periodic.signerTitle')} maxLength={200} required />
        <TextField {...form.field('signerName')} label={t('periodic.signerName')} maxLength={100} required />
      </div>
      <TextAreaField {...form.field('recipients')} label={t('periodic.recipients')} hint={t('periodic.recipientsHint')} rows={4} />
      {confirming ? (
        <div className="panel" role="alertdialog" aria-labelledby="periodic-confirm-title">
          <p id="periodic-confirm-title">
            <strong>{t('periodic.confirm.title')}</strong>
          </p>
          <p>{t('periodic.confirm.text')}</p>
          {periodEnd >= today ? <Notice kind="info">{t('periodic.confirm.notEnded', { end: isoToDisplay(periodEnd) })}</Notice> : null}
          <div className="form-actions">
            <Button variant="primary" onClick={confirm}>
              {t('periodic.confirm.yes')}
            </Button>
            <Button onClick={() => setConfirming(false)}>{t('periodic.confirm.no')}</Button>
          </div>
        </div>
      ) : null}
    </FormFrame>
  );
}
