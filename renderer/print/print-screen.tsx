import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Button } from '../components/button';
import { useCall } from '../data/use-call';
import { Notice } from '../components/notice';
import { describeError } from '../errors';
import { CampaignReport } from './campaign-report';
import { DeadlinesReport } from './deadlines-report';
import { HotspotList } from './hotspot-list';
import { KeyCard } from './key-card';
import { loadDeadlines, loadHotspots, loadPrograms } from './list-data';
import { issuedNumber } from '../reports/issued-text';
import { loadPeriodic } from './periodic-data';
import { PeriodicReport } from './periodic-report';
import { periodicText } from './periodic-text';
import { GraphDocument } from './graph-document';
import { loadCampaign, loadGraph, loadKeyCard, loadReceipt, loadRegister } from './print-data';
import { deadlinesText, hotspotsText, programsText } from './print-list-text';
import { parsePrintPath, type PrintRequest } from './print-route';
import { keyCardText, screenText, tVi } from './print-text';
import { ProgramList } from './program-list';
import { ReceiptRecord } from './receipt-record';
import { RegisterExtract } from './register-extract';
import { SignerContext } from './signature-block';
import { usePrintLoad, type Loader, type PrintLoad } from './use-print-load';
import './tinos.css';
import './print.css';

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
        {state.progress && state.progress.total > 0 ? screenText.loadingCount(state.progress.done, state.progress.total, state.progress.step) : screenText.loading}
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

interface DocumentViewProps<T> {
  /** Loads again when it changes. */
  readonly loadKey: string;
  readonly load: Loader<T>;
  /** The window title once loaded: the default name of a saved PDF. */
  readonly name: (value: T) => string;
  readonly render: (value: T, printedAt: number) => ReactNode;
  readonly onReady: (ready: boolean) => void;
}

/** One document: loaded (with progress), named, shown, and "ready" to print once loaded with its fonts. */
function DocumentView<T>({ loadKey, load, name, render, onReady }: DocumentViewProps<T>) {
  const [printedAt] = useState(() => Date.now());
  const [state, retry] = usePrintLoad(loadKey, load);
  const ready = state.status === 'ready';
  useEffect(() => {
    onReady(ready);
    return () => onReady(false);
  }, [ready, onReady]);
  useDocumentTitle(state.status === 'ready' ? name(state.value) : null);
  return (
    <LoadState state={state} retry={retry}>
      {(value) => render(value, printedAt)}
    </LoadState>
  );
}

function Problem({ text }: { readonly text: string }) {
  return (
    <div className="print-message">
      <Notice kind="error">{text}</Notice>
    </div>
  );
}

/** The documents the chief signs (or a deputy for the chief, chosen on the toolbar). */
const CHIEF_SIGNS: ReadonlySet<PrintRequest['kind']> = new Set(['register', 'campaign', 'deadlines', 'hotspots', 'programs', 'key-card']);

/** The document a request asks for. */
function documentFor(request: PrintRequest, onReady: (ready: boolean) => void): ReactNode {
  switch (request.kind) {
    case 'receipt':
      return (
        <DocumentView
          key={`receipt:${request.reportId}`}
          loadKey={`receipt:${request.reportId}`}
          load={() => loadReceipt(request.reportId)}
          name={(data) => `Biên bản tiếp nhận ${data.report.number.replace('/', '-')}`}
          render={(data) => <ReceiptRecord data={data} />}
          onReady={onReady}
        />
      );
    case 'register': {
      const { from, to } = request;
      return (
        <DocumentView
          key={`register:${from}:${to}`}
          loadKey={`register:${from}:${to}`}
          load={(onProgress, isCancelled) => loadRegister(from, to, onProgress, isCancelled)}
          name={() => `Trích sổ tiếp nhận ${from} đến ${to}`}
          render={(data, printedAt) => <RegisterExtract data={data} printedAt={printedAt} />}
          onReady={onReady}
        />
      );
    }
    case 'campaign':
      return (
        <DocumentView
          key={`campaign:${request.campaignId}`}
          loadKey={`campaign:${request.campaignId}`}
          load={() => loadCampaign(request.campaignId)}
          name={(data) => `Báo cáo kết quả ${data.campaign.name}`}
          render={(data, printedAt) => <CampaignReport data={data} printedAt={printedAt} />}
          onReady={onReady}
        />
      );
    case 'periodic':
      return (
        <DocumentView
          key={`periodic:${request.reportId}`}
          loadKey={`periodic:${request.reportId}`}
          load={() => loadPeriodic(request.reportId)}
          name={(data) => periodicText.documentName(issuedNumber(data.report))}
          render={(data) => <PeriodicReport data={data} />}
          onReady={onReady}
        />
      );
    case 'deadlines':
      return (
        <DocumentView
          key={`deadlines:${request.withinDays}`}
          loadKey={`deadlines:${request.withinDays}`}
          load={() => loadDeadlines(request.withinDays)}
          name={() => deadlinesText.documentName}
          render={(data, printedAt) => <DeadlinesReport data={data} printedAt={printedAt} />}
          onReady={onReady}
        />
      );
    case 'hotspots': {
      const key = `hotspots:${JSON.stringify(request.query)}`;
      return (
        <DocumentView
          key={key}
          loadKey={key}
          load={(onProgress, isCancelled) => loadHotspots(request.query, onProgress, isCancelled)}
          name={() => hotspotsText.documentName}
          render={(data, printedAt) => <HotspotList data={data} printedAt={printedAt} />}
          onReady={onReady}
        />
      );
    }
    case 'programs': {
      const key = `programs:${JSON.stringify(request.query)}`;
      return (
        <DocumentView
          key={key}
          loadKey={key}
          load={(onProgress, isCancelled) => loadPrograms(request.query, onProgress, isCancelled)}
          name={() => programsText.documentName}
          render={(data, printedAt) => <ProgramList data={data} printedAt={printedAt} />}
          onReady={onReady}
        />
      );
    }
    case 'key-card':
      return (
        <DocumentView
          key="key-card"
          loadKey="key-card"
          load={loadKeyCard}
          name={(identity) => keyCardText.documentName(identity.office.code)}
          render={(identity, printedAt) => <KeyCard identity={identity} printedAt={printedAt} />}
          onReady={onReady}
        />
      );
    case 'graph': {
      const key = `graph:${request.nodeKind}:${request.id}`;
      return (
        <DocumentView
          key={key}
          loadKey={key}
          load={() => loadGraph(request.nodeKind, request.id)}
          name={(data) => `Sơ đồ liên hệ ${data.graph.nodes.find((n) => n.id === data.rootId)?.label ?? ''}`.trim()}
          render={(data, printedAt) => <GraphDocument data={data} printedAt={printedAt} />}
          onReady={onReady}
        />
      );
    }
    case 'bad-period':
      return <Problem text={screenText.badPeriod} />;
    case 'bad-query':
      return <Problem text={screenText.badQuery} />;
    case 'unknown':
      return <Problem text={screenText.unknownDocument} />;
  }
}

/**
 * The print route: the document on an A4 sheet centred on a grey background, under a toolbar with
 * "In / Lưu PDF" and "Quay lại". On paper (and in a PDF) only the document is printed, with the
 * page size, margins, font and page numbers of Decree 30/2020 (print.css).
 *   /print/receipt/<reportId>                      receipt record of one report
 *   /print/register?from=YYYY-MM-DD&to=YYYY-MM-DD  register extract (landscape)
 *   /print/campaign/<campaignId>                   result report of a peak campaign
 *   /print/periodic/<issuedReportId>               an issued periodic report, with its figures and charts
 *   /print/deadlines?within=N                      overdue and due-soon reports
 *   /print/hotspots?…                              hotspot watchlist (landscape)
 *   /print/programs?…                              people under management by program kind (landscape)
 *   /print/key-card                                this office's exchange key card
 */
export function PrintScreen({ path }: { readonly path: string }) {
  const request = useMemo(() => parsePrintPath(path), [path]);
  const [ready, setReady] = useState(false);
  const [settings] = useCall('settings.get', {});
  const chiefName = settings.status === 'ready' ? settings.value.chiefName : '';
  const deputies = useMemo(() => (settings.status === 'ready' ? settings.value.deputyNames : []), [settings]);
  // '' is the chief; a deputy's name signs "KT." for the chief.
  const [deputy, setDeputy] = useState('');
  const signer = useMemo(() => ({ chiefName, deputy: deputies.includes(deputy) ? deputy : null }), [chiefName, deputies, deputy]);
  const chooseSigner = CHIEF_SIGNS.has(request.kind) && deputies.length > 0;

  return (
    <div className="print-screen" lang="vi">
      <div className="print-toolbar" role="toolbar" aria-label={screenText.toolbar}>
        <Button variant="primary" disabled={!ready} onClick={() => window.print()}>
          {screenText.print}
        </Button>
        <Button onClick={goBack}>{screenText.back}</Button>
        {chooseSigner ? (
          <label className="print-signer">
            {screenText.signer}
            <select className="input" value={deputy} onChange={(event) => setDeputy(event.target.value)}>
              <option value="">{screenText.chiefSigns(chiefName)}</option>
              {deputies.map((name) => (
                <option key={name} value={name}>
                  {screenText.deputySigns(name)}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      <main className="print-canvas" aria-busy={!ready}>
        <SignerContext value={signer}>{documentFor(request, setReady)}</SignerContext>
      </main>
    </div>
  );
}
