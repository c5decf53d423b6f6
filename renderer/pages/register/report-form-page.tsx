import { useState } from 'react';
import { channels, personRoles, reportKinds } from '../../../api/calls/register';
import { invoke } from '../../api-client';
import { Button } from '../../components/button';
import { LoadedView } from '../../components/loaded-view';
import { Notice } from '../../components/notice';
import { Page } from '../../components/page';
import { flash } from '../../data/flash';
import { useCall } from '../../data/use-call';
import { useI18n } from '../../i18n';
import { navigate, paths } from '../../router';
import { useCan } from '../../session/session-context';
import { NoAccess } from '../no-access';
import { ReportForm } from './report-form';
import { newReportValues, reportValues } from './report-values';
import { useReference } from './use-reference';

/** "Thêm tin báo": a new entry in the register; on success, its page with the number it was given. */
export function ReportNewPage() {
  const { t } = useI18n();
  const canWrite = useCan('records.write');
  const reference = useReference();
  const [now] = useState(() => Date.now());
  return (
    <Page title={t('reportForm.newTitle')}>
      {canWrite ? (
        <LoadedView loaded={reference}>
          {(ref) => (
            <ReportForm
              initial={newReportValues(now)}
              draftKey="report.new"
              reference={ref}
              submitLabel={t('reportForm.create')}
              labelledBy="page-title"
              submit={(input) => invoke('reports.create', input)}
              onSaved={(detail) => {
                flash({ key: 'reportForm.created', params: { number: detail.number } });
                navigate(paths.report(detail.id));
              }}
              onCancel={() => navigate('/reports')}
            />
          )}
        </LoadedView>
      ) : (
        <NoAccess />
      )}
    </Page>
  );
}

/** "Sửa": an edit from the version shown; an edit made elsewhere meanwhile is a conflict, never overwritten. */
export function ReportEditPage({ id }: { readonly id: string }) {
  const { t } = useI18n();
  const canWrite = useCan('records.write');
  const reference = useReference();
  const [detail, reload] = useCall('reports.get', { id });
  const [conflict, setConflict] = useState(false);
  const title = detail.status === 'ready' ? t('reportForm.editTitle', { number: detail.value.number }) : t('reportForm.newTitle');
  if (!canWrite) {
    return (
      <Page title={title}>
        <NoAccess />
      </Page>
    );
  }
  return (
    <Page title={title}>
      <LoadedView loaded={reference}>
        {(ref) => (
          <LoadedView loaded={detail}>
            {(report) =>
              report.voided ? (
                <Notice kind="error">{t('record.voided')}</Notice>
              ) : (
                <>
                  {conflict ? (
                    <Notice kind="info">
                      <p>{t('record.conflict')}</p>
                      <Button
                        onClick={() => {
                          setConflict(false);
                          reload();
                        }}
                      >
                        {t('reportForm.reload')}
                      </Button>
                    </Notice>
                  ) : null}
                  <ReportForm
                    key={report.version}
                    initial={reportValues(report, { channels, kinds: reportKinds, roles: personRoles })}
                    draftKey={`report.edit:${id}`}
                    reference={ref}
                    submitLabel={t('reportForm.save')}
                    labelledBy="page-title"
                    submit={(fields) => invoke('reports.update', { id, baseVersion: report.version, fields })}
                    onSaved={() => {
                      flash({ key: 'reportForm.saved' });
                      navigate(paths.report(id));
                    }}
                    onFailure={(error) => setConflict(error.code === 'record.conflict')}
                    onCancel={() => navigate(paths.report(id))}
                  />
                </>
              )
            }
          </LoadedView>
        )}
      </LoadedView>
    </Page>
  );
}
