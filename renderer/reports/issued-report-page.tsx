import type { IssuedReportView } from '../../api/views';
import { Button } from '../components/button';
import { DetailsList } from '../components/details-list';
import { LoadedView } from '../components/loaded-view';
import { Notice } from '../components/notice';
import { Page } from '../components/page';
import { useFlash } from '../data/flash';
import { useCall } from '../data/use-call';
import { formatIsoDate } from '../format';
import { useI18n } from '../i18n';
import { periodicPath } from '../print/print-route';
import { href } from '../router';
import { changeLines, issuedNumber } from './issued-text';
import { NarrativeText } from './narrative-text';
import { ReportFigures } from './report-figures';

/** An issued report as issued: its particulars, its text and its frozen figures, and what has changed since. */
export function IssuedReportPage({ id }: { readonly id: string }) {
  const { t } = useI18n();
  const [view] = useCall('periodic.get', { id });
  const notice = useFlash();
  return (
    <Page title={view.status === 'ready' ? view.value.title : t('periodic.title')}>
      <p>
        <a href={href('/periodic')}>{t('periodic.backToList')}</a>
      </p>
      {notice ? <Notice kind="success">{t(notice.key, notice.params)}</Notice> : null}
      <LoadedView loaded={view}>{(value) => <IssuedReport view={value} />}</LoadedView>
    </Page>
  );
}

function IssuedReport({ view }: { readonly view: IssuedReportView }) {
  const { t, lang } = useI18n();
  const changes = changeLines(view, lang, t);
  return (
    <>
      <div className="page-actions">
        <Button variant="primary" href={href(periodicPath(view.id))}>
          {t('periodic.print')}
        </Button>
      </div>
      {changes.length > 0 ? (
        <Notice kind="info">
          <p>{t('periodic.issued.changes')}</p>
          <ul>
            {changes.map((line, index) => (
              <li key={index}>{line}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
      <section className="card" aria-labelledby="issued-details">
        <h2 id="issued-details">{t('periodic.numberValue', { number: issuedNumber(view) })}</h2>
        <DetailsList
          items={[
            { label: t('periodic.issued.on'), value: `${view.place}, ${formatIsoDate(view.issuedOn)}` },
            { label: t('periodic.issued.signer'), value: `${view.signerTitle} – ${view.signerName}` },
            { label: t('periodic.recipients'), value:
                view.recipients.length > 0
                  ? view.recipients.map((r) => (
                      <span key={r} className="cell-line">
                        - {r}
                      </span>
                    ))
                  : t('common.none'),
            },
          ]}
        />
      </section>
      <section className="card" aria-labelledby="issued-text">
        <h2 id="issued-text">{t('periodic.narrative')}</h2>
        <NarrativeText text={view.narrative} />
      </section>
      <p className="muted">{t('periodic.issued.frozen')}</p>
      <ReportFigures report={view.report} until={view.issuedOn} />
    </>
  );
}
