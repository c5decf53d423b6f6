import { useState, type ReactNode } from 'react';
import type { ReportDetail } from '../../../api/views';
import { AttachmentList } from '../../components/attachment-list';
import { Button } from '../../components/button';
import { LoadedView } from '../../components/loaded-view';
import { Notice } from '../../components/notice';
import { Page } from '../../components/page';
import { useFlash } from '../../data/flash';
import { useCall } from '../../data/use-call';
import { OtherOfficeNotice } from '../../components/other-office-notice';
import { useOwnRecord } from '../../data/use-offices';
import { useI18n } from '../../i18n';
import type { Message } from '../../i18n/message';
import { href, paths } from '../../router';
import { useCan } from '../../session/session-context';
import { DeadlineTable } from './deadline-table';
import { codeLabel } from './labels';
import { ReportDetails } from './report-details';
import { ReportHistory } from './report-history';
import { ReportPersons } from './report-persons';
import { allowedSteps, type StepId } from './report-steps';
import { StepPanel } from './step-panel';
import { useReference } from './use-reference';

/** One entry of the register: its facts, people, legal clock and the steps it allows, files, history. */
export function ReportPage({ id }: { readonly id: string }) {
  const { t } = useI18n();
  const [report, reload] = useCall('reports.get', { id });
  const [history, reloadHistory] = useCall('reports.history', { id });
  const reference = useReference();
  const flashed = useFlash();
  const [notice, setNotice] = useState<Message | null>(flashed);
  const title = report.status === 'ready' ? t('report.title', { number: report.value.number }) : t('register.title');

  const refresh = (message: Message | null) => {
    setNotice(message);
    reload();
    reloadHistory();
  };

  return (
    <Page title={title}>
      <p>
        <a href={href('/reports')}>{t('report.backToList')}</a>
      </p>
      {notice ? <Notice kind="success">{t(notice.key, notice.params)}</Notice> : null}
      <LoadedView loaded={reference}>
        {(ref) => (
          <LoadedView loaded={report}>
            {(value) => (
              <ReportView
                report={value}
                onStepDone={(step) => refresh({ key: 'action.done', params: { action: t(`action.${step}`) } })}
                onChanged={() => refresh(null)}
                history={<ReportHistory history={history} reference={ref} report={value} />}
                details={<ReportDetails report={value} reference={ref} />}
              />
            )}
          </LoadedView>
        )}
      </LoadedView>
    </Page>
  );
}

interface ReportViewProps {
  readonly report: ReportDetail;
  readonly onStepDone: (step: StepId) => void;
  readonly onChanged: () => void;
  readonly details: ReactNode;
  readonly history: ReactNode;
}

function ReportView({ report, onStepDone, onChanged, details, history }: ReportViewProps) {
  const { t } = useI18n();
  const own = useOwnRecord(report);
  const canWrite = useCan('records.write') && own;
  const [step, setStep] = useState<StepId | null>(null);
  const [now] = useState(() => Date.now());
  const steps = canWrite ? allowedSteps(report) : [];

  return (
    <>
      <OtherOfficeNotice officeId={report.officeId} />
      {report.voided ? <Notice kind="error">{t('report.voidedNotice', { reason: report.voidReason ?? '' })}</Notice> : null}
      <div className="page-actions">
        <span className="status-pill">{report.voided ? t('register.voided') : codeLabel(t, 'reportStatus', report.status)}</span>
        {canWrite && !report.voided ? <Button href={href(paths.reportEdit(report.id))}>{t('common.edit')}</Button> : null}
        <Button href={href(paths.printReceipt(report.id))}>{t('report.printReceipt')}</Button>
      </div>

      <section className="card" aria-labelledby="report-clock">
        <h2 id="report-clock">{t('report.clock')}</h2>
        <DeadlineTable deadlines={report.deadlines} now={now} />
        {steps.length > 0 ? (
          <div className="step-buttons" role="group" aria-label={t('report.actions')}>
            {steps.map((id) => (
              <Button key={id} small variant={id === 'void' ? 'danger' : 'secondary'} onClick={() => setStep(id)}>
                {t(`action.${id}`)}
              </Button>
            ))}
          </div>
        ) : null}
        {step ? (
          <StepPanel
            key={`${step}-${report.version}`}
            step={step}
            report={report}
            onCancel={() => setStep(null)}
            onDone={() => {
              setStep(null);
              onStepDone(step);
            }}
          />
        ) : null}
      </section>

      <section className="card" aria-labelledby="report-details">
        <h2 id="report-details">{t('report.details')}</h2>
        {details}
      </section>

      <section className="card" aria-labelledby="report-persons">
        <h2 id="report-persons">{t('report.persons')}</h2>
        <ReportPersons persons={report.persons} />
      </section>

      <section className="card" aria-labelledby="report-attachments">
        <h2 id="report-attachments">{t('report.attachments')}</h2>
        <AttachmentList
          ownerTable="reports"
          ownerId={report.id}
          attachments={report.attachments}
          caption={t('report.attachments')}
          canWrite={canWrite && !report.voided}
          onChanged={onChanged}
        />
      </section>

      <section className="card" aria-labelledby="report-history">
        <h2 id="report-history">{t('report.history')}</h2>
        {history}
      </section>
    </>
  );
}
