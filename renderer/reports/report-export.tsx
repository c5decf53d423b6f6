import { useState } from 'react';
import type { PeriodicFigures } from '../../api/views';
import { Button } from '../components/button';
import { downloadFile, exportFileName } from '../export/download';
import { workbookBytes } from '../export/workbook';
import { useI18n } from '../i18n';
import { useSession } from '../session/session-context';
import { isoDateOf } from '../../core/vn-time';
import { periodicFileTitle, periodicWorkbook } from './report-workbook';

type State = { readonly kind: 'idle' | 'writing' | 'failed' } | { readonly kind: 'done'; readonly file: string };

/** "Xuất Excel" for a periodic report: every section, the campaigns and the monthly trend, one sheet each. */
export function ReportExportButton({ report }: { readonly report: PeriodicFigures }) {
  const { t } = useI18n();
  const { session } = useSession();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const start = async () => {
    setState({ kind: 'writing' });
    try {
      const file = exportFileName(periodicFileTitle(report), isoDateOf(Date.now()));
      downloadFile(await workbookBytes(periodicWorkbook(report, session.office.name)), file);
      setState({ kind: 'done', file });
    } catch (error) {
      console.warn('Excel export failed', error);
      setState({ kind: 'failed' });
    }
  };
  return (
    <div className="export-control">
      <Button onClick={() => void start()} disabled={state.kind === 'writing'}>
        {t('export.button')}
      </Button>
      {state.kind === 'writing' ? <span role="status">{t('export.starting')}</span> : null}
      {state.kind === 'done' ? <span role="status">{t('export.reportDone', { file: state.file })}</span> : null}
      {state.kind === 'failed' ? (
        <span role="alert" className="export-error">
          {t('export.failedFile')}
        </span>
      ) : null}
    </div>
  );
}
