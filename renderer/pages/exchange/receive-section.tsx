import { useEffect, useState } from 'react';
import { BUNDLE_MAX_BYTES } from '../../../api/calls/exchange';
import type { CallError } from '../../../api/result';
import type { ImportSummary } from '../../../api/views';
import { invoke } from '../../api-client';
import { Button } from '../../components/button';
import { FileField } from '../../components/file-field';
import { Notice } from '../../components/notice';
import { ProgressLine } from '../../components/progress-line';
import { percentOf, uploadInChunks, type ChunkProgress } from '../../data/chunks';
import { describeError } from '../../errors';
import { formatNumber } from '../../format';
import { useI18n, type MessageKey } from '../../i18n';
import { useSession } from '../../session/session-context';
import { ImportSummaryView } from './import-summary';

type State =
  | { readonly kind: 'idle'; readonly notice?: MessageKey }
  | { readonly kind: 'uploading'; readonly progress: ChunkProgress | null }
  | { readonly kind: 'checking' }
  | { readonly kind: 'preview'; readonly uploadId: string; readonly summary: ImportSummary; readonly applying: boolean; readonly error: CallError | null }
  | { readonly kind: 'applied'; readonly summary: ImportSummary }
  | { readonly kind: 'failed'; readonly error: CallError | MessageKey };

/**
 * "Nhận dữ liệu": a bundle file is sent in pieces with its progress, checked in a dry run whose
 * summary is shown, and imported in one transaction only when the user confirms.
 */
export function ReceiveSection({ onImported }: { readonly onImported: () => void }) {
  const { t } = useI18n();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const working = state.kind === 'uploading' || state.kind === 'checking' || (state.kind === 'preview' && state.applying);
  const { refresh } = useSession();
  const checkingOrApplying = state.kind === 'checking' || (state.kind === 'preview' && state.applying);

  // While the dry run or the import runs, the session is read every second: the bar above the page shows
  // its backup and its progress (renderer/layout/store-activity.tsx), which then keeps it read.
  useEffect(() => {
    if (!checkingOrApplying) return undefined;
    const timer = setInterval(() => void refresh(), 1000);
    return () => clearInterval(timer);
  }, [checkingOrApplying, refresh]);

  const receive = async (file: File) => {
    // Refused here rather than after sending 2 GiB; the backend refuses it as well.
    if (file.size > BUNDLE_MAX_BYTES) {
      setState({ kind: 'failed', error: 'exchange.too_large' });
      return;
    }
    setState({ kind: 'uploading', progress: null });
    let uploaded;
    try {
      uploaded = await uploadInChunks(
        file.size,
        async (start, end) => new Uint8Array(await file.slice(start, end).arrayBuffer()),
        (piece) => invoke('exchange.upload', piece),
        (progress) => setState({ kind: 'uploading', progress }),
      );
    } catch {
      setState({ kind: 'failed', error: 'xc.fileUnreadable' });
      return;
    }
    if (!uploaded.ok) {
      setState({ kind: 'failed', error: uploaded.error });
      return;
    }
    setState({ kind: 'checking' });
    const uploadId = uploaded.value.uploadId;
    const preview = await invoke('exchange.preview', { uploadId });
    if (!preview.ok) {
      setState({ kind: 'failed', error: preview.error });
      // A refused bundle leaves its refusal on the page (the alerts).
      if (preview.error.code === 'exchange.forbidden_record') onImported();
      return;
    }
    setState({ kind: 'preview', uploadId, summary: preview.value, applying: false, error: null });
  };

  const apply = async (uploadId: string, summary: ImportSummary) => {
    setState({ kind: 'preview', uploadId, summary, applying: true, error: null });
    const result = await invoke('exchange.apply', { uploadId });
    if (!result.ok) {
      setState({ kind: 'preview', uploadId, summary, applying: false, error: result.error });
      if (result.error.code === 'exchange.forbidden_record') onImported();
      return;
    }
    setState({ kind: 'applied', summary: result.value });
    onImported();
  };

  return (
    <section className="card" aria-labelledby="exchange-receive">
      <h2 id="exchange-receive">{t('xc.receive')}</h2>
      <FileField id="exchange-bundle-file" label={t('xc.bundleFile')} hint={t('xc.bundleFileHint')} accept=".soantt" disabled={working} onFile={(file) => void receive(file)} />
      {state.kind === 'idle' && state.notice ? <Notice kind="info">{t(state.notice)}</Notice> : null}
      {state.kind === 'uploading' ? (
        <ProgressLine
          label={t('xc.progress')}
          value={state.progress?.done ?? 0}
          max={state.progress?.total ?? 1}
          text={t('xc.uploading', { percent: state.progress ? percentOf(state.progress) : 0 })}
        />
      ) : null}
      {state.kind === 'checking' ? <p role="status">{t('xc.checking')}</p> : null}
      {state.kind === 'failed' ? <Notice kind="error">{typeof state.error === 'string' ? t(state.error) : describeError(t, state.error)}</Notice> : null}
      {state.kind === 'preview' ? (
        <section aria-labelledby="exchange-preview">
          <h3 id="exchange-preview" className="exchange-subheading">{t('xc.preview')}</h3>
          <ImportSummaryView summary={state.summary} />
          {state.applying ? <p role="status">{t('xc.applying')}</p> : null}
          {state.error ? <Notice kind="error">{describeError(t, state.error)}</Notice> : null}
          <div className="form-actions">
            <Button variant="primary" busy={state.applying} onClick={() => void apply(state.uploadId, state.summary)}>
              {t('xc.apply')}
            </Button>
            <Button disabled={state.applying} onClick={() => setState({ kind: 'idle', notice: 'xc.cancelled' })}>
              {t('xc.cancel')}
            </Button>
          </div>
        </section>
      ) : null}
      {state.kind === 'applied' ? (
        <section aria-labelledby="exchange-result">
          <Notice kind="success">
            {t('xc.applied', {
              seq: state.summary.seq,
              office: state.summary.sender.officeName,
              new: formatNumber(state.summary.counts.new),
              updated: formatNumber(state.summary.counts.updated),
            })}
          </Notice>
          <h3 id="exchange-result" className="exchange-subheading">{t('xc.result')}</h3>
          <ImportSummaryView summary={state.summary} />
        </section>
      ) : null}
    </section>
  );
}
