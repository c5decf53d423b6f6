import { useState } from 'react';
import type { PeriodicFigures } from '../../api/views';
import { LoadedView } from '../components/loaded-view';
import { Notice } from '../components/notice';
import { Page } from '../components/page';
import { flash } from '../data/flash';
import { useCall, type Loaded } from '../data/use-call';
import { useOffices } from '../data/use-offices';
import { useI18n } from '../i18n';
import { navigate, paths } from '../router';
import { useCan, useSession } from '../session/session-context';
import { isoDateOf } from '../../core/vn-time';
import { IssueForm } from './issue-form';
import { IssuedList } from './issued-list';
import { issuedNumber } from './issued-text';
import { draftNarrative } from './narrative';
import { NarrativeText } from './narrative-text';
import { PeriodForm } from './period-form';
import { initialPeriodValues, toPeriodInput } from './period-values';
import { ReportFigures } from './report-figures';

/**
 * Báo cáo định kỳ: the figures of a period (the police month of today when the page opens), the
 * draft of the report for the chief to edit and issue, and the reports issued so far.
 */
export function PeriodicPage() {
  const { t } = useI18n();
  const [settings] = useCall('settings.get', {});
  return (
    <Page title={t('periodic.title')}>
      <p className="muted">{t('periodic.intro')}</p>
      <LoadedView loaded={settings}>{(value) => <PeriodicWork cutoffDay={value.reportCutoffDay} chiefName={value.chiefName} />}</LoadedView>
      <section className="card" aria-labelledby="periodic-issued">
        <h2 id="periodic-issued">{t('periodic.issued')}</h2>
        <IssuedList />
      </section>
    </Page>
  );
}

function PeriodicWork({ cutoffDay, chiefName }: { readonly cutoffDay: number; readonly chiefName: string }) {
  const { t } = useI18n();
  const { session } = useSession();
  const canLead = useCan('office.lead');
  const [today] = useState(() => isoDateOf(Date.now()));
  const offices = useOffices();
  // A higher office's store reports on every office by default; a commune's on its own.
  const [initial] = useState(() => ({ ...initialPeriodValues(today, cutoffDay), officeId: session.office.level === 'higher' ? '' : session.office.code }));
  const [first] = useCall('periodic.compute', toPeriodInput(initial));
  const [chosen, setChosen] = useState<PeriodicFigures | null>(null);
  const report: Loaded<PeriodicFigures> = chosen ? { status: 'ready', value: chosen } : first;
  return (
    <>
      <section className="card" aria-labelledby="periodic-choose">
        <h2 id="periodic-choose">{t('periodic.choose')}</h2>
        <PeriodForm initial={initial} cutoffDay={cutoffDay} onComputed={setChosen} offices={offices} />
      </section>
      <LoadedView loaded={report}>
        {(value) => (
          <>
            <ReportFigures report={value} until={today} />
            <section className="card" aria-labelledby="periodic-issue">
              <h2 id="periodic-issue">{canLead ? t('periodic.issueTitle') : t('periodic.draft')}</h2>
              {canLead ? (
                <IssueForm
                  report={value}
                  office={session.office}
                  user={session.user}
                  chiefName={chiefName}
                  today={today}
                  onIssued={(view) => {
                    flash({ key: 'periodic.issued.done', params: { number: issuedNumber(view) } });
                    navigate(paths.periodicReport(view.id));
                  }}
                />
              ) : (
                <>
                  <Notice kind="info">{t('periodic.leadOnly')}</Notice>
                  <NarrativeText text={draftNarrative(value)} />
                </>
              )}
            </section>
          </>
        )}
      </LoadedView>
    </>
  );
}
