import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Button } from '../components/button';
import { Notice } from '../components/notice';
import { describeError } from '../errors';
import { translate, type MessageKey, type Params } from '../i18n';
import { CampaignReport } from './campaign-report';
import { loadCampaign, loadReceipt, loadRegister } from './print-data';
import { parsePrintPath } from './print-route';
import { screenText } from './print-text';
import { ReceiptRecord } from './receipt-record';
import { RegisterExtract } from './register-extract';
import { usePrintLoad, type PrintLoad } from './use-print-load';
import './tinos.css';
import './print.css';

/** Official documents and their screens are Vietnamese, whatever language the interface is in. */
const tVi = (key: MessageKey, params?: Params) => translate('vi', key, params);

/** Sets the window title while a document is shown: it is the default name of a saved PDF. */
function useDocumentTitle(title: string | null): void {
  useEffect(() => {
    if (title === null) return;
    const previous = document.title;
    document.title = title;
    return () => {
      document.title = previous;
    };
  }, [title]);
}

function goBack(): void {
  if (window.history.length > 1) window.history.back();
  else window.location.hash = '/';
}

/** Loading (with "Đang tải N/M" for long loads), the translated error with a retry, or the document. */
function LoadState<T>({ state, retry, children }: { readonly state: PrintLoad<T>; readonly retry: () => void; readonly children: (value: T) => ReactNode }) {
  if (state.status === 'loading') {
    return (
      <p role="status" className="print-message">
        {state.progress && state.progress.total > 0 ? screenText.loadingCount(state.progress.done, state.progress.total) : screenText.loading}
      </p>
    );
  }
  if (state.status === 'failed') {
    return (
      <div className="print-message">
        <Notice kind="error">
          <p>{screenText.failed}</p>
          <p>{describeError(tVi, state.error)}</p>
        </Notice>
        <Button onClick={retry}>{screenText.retry}</Button>
      </div>
    );
  }
  return <div className="print-sheet">{children(state.value)}</div>;
}

function ReceiptView({ reportId, onReady }: { readonly reportId: string; readonly onReady: (ready: boolean) => void }) {
  const [state, retry] = usePrintLoad(`receipt:${reportId}`, () => loadReceipt(reportId));
  const ready = state.status === 'ready';
  useEffect(() => {
    onReady(ready);
    return () => onReady(false);
  }, [ready, onReady]);
  useDocumentTitle(state.status === 'ready' ? `Biên bản tiếp nhận ${state.value.report.number.replace('/', '-')}` : null);
  return (
    <LoadState state={state} retry={retry}>
      {(data) => <ReceiptRecord data={data} />}
    </LoadState>
  );
}

function RegisterView({ from, to, onReady }: { readonly from: string; readonly to: string; readonly onReady: (ready: boolean) => void }) {
  const [printedAt] = useState(() => Date.now());
  const [state, retry] = usePrintLoad(`register:${from}:${to}`, (onProgress, isCancelled) => loadRegister(from, to, onProgress, isCancelled));
  const ready = state.status === 'ready';
  useEffect(() => {
    onReady(ready);
    return () => onReady(false);
  }, [ready, onReady]);
  useDocumentTitle(state.status === 'ready' ? `Trích sổ tiếp nhận ${from} đến ${to}` : null);
  return (
    <LoadState state={state} retry={retry}>
      {(data) => <RegisterExtract data={data} printedAt={printedAt} />}
    </LoadState>
  );
}

function CampaignPrintView({ campaignId, onReady }: { readonly campaignId: string; readonly onReady: (ready: boolean) => void }) {
  const [printedAt] = useState(() => Date.now());
  const [state, retry] = usePrintLoad(`campaign:${campaignId}`, () => loadCampaign(campaignId));
  const ready = state.status === 'ready';
  useEffect(() => {
    onReady(ready);
    return () => onReady(false);
  }, [ready, onReady]);
  useDocumentTitle(state.status === 'ready' ? `Báo cáo kết quả ${state.value.campaign.name}` : null);
  return (
    <LoadState state={state} retry={retry}>
      {(data) => <CampaignReport data={data} printedAt={printedAt} />}
    </LoadState>
  );
}

/**
 * The print route: the document on an A4 sheet centred on a grey background, under a toolbar with
 * "In / Lưu PDF" and "Quay lại". On paper (and in a PDF) only the document is printed, with the
 * page size, margins, font and page numbers of Decree 30/2020 (print.css).
 *   /print/receipt/<reportId>                      receipt record of one report
 *   /print/register?from=YYYY-MM-DD&to=YYYY-MM-DD  register extract (landscape)
 *   /print/campaign/<campaignId>                   result report of a peak campaign
 */
export function PrintScreen({ path }: { readonly path: string }) {
  const request = useMemo(() => parsePrintPath(path), [path]);
  const [ready, setReady] = useState(false);

  let content: ReactNode;
  switch (request.kind) {
    case 'receipt':
      content = <ReceiptView key={request.reportId} reportId={request.reportId} onReady={setReady} />;
      break;
    case 'register':
      content = <RegisterView key={`${request.from}:${request.to}`} from={request.from} to={request.to} onReady={setReady} />;
      break;
    case 'campaign':
      content = <CampaignPrintView key={request.campaignId} campaignId={request.campaignId} onReady={setReady} />;
      break;
    case 'bad-period':
      content = (
        <div className="print-message">
          <Notice kind="error">{screenText.badPeriod}</Notice>
        </div>
      );
      break;
    case 'unknown':
      content = (
        <div className="print-message">
          <Notice kind="error">{screenText.unknownDocument}</Notice>
        </div>
      );
      break;
  }

  return (
    <div className="print-screen" lang="vi">
      <div className="print-toolbar" role="toolbar" aria-label={screenText.toolbar}>
        <Button variant="primary" disabled={!ready} onClick={() => window.print()}>
          {screenText.print}
        </Button>
        <Button onClick={goBack}>{screenText.back}</Button>
      </div>
      <main className="print-canvas" aria-busy={!ready}>
        {content}
      </main>
    </div>
  );
}
