import { useEffect, useState } from 'react';
import type { LegacyProgressView } from '../../../api/views';
import { invoke } from '../../api-client';
import { Button } from '../../components/button';
import { ProgressLine } from '../../components/progress-line';
import { formatNumber } from '../../format';
import { useI18n } from '../../i18n';
import { useSession } from '../../session/session-context';

/** How often the page asks how far the dry run or import has come. */
const POLL_MS = 400;

/**
 * A dry run or import under way (db/legacy/jobs.ts): what it is doing and how far, asked every few
 * hundred milliseconds, and a "Hủy" button that stops it before anything is written. Once it writes,
 * it can no longer be stopped, and the button says so by being disabled.
 */
export function JobProgress({ uploadId }: { readonly uploadId: string }) {
  const { t } = useI18n();
  const [progress, setProgress] = useState<LegacyProgressView | null>(null);
  const [stopping, setStopping] = useState(false);
  const { refresh } = useSession();
  const phase = progress?.phase ?? 'reading';
  // The backup and the write are the store's too: at each, the session is read once, so the bar above the
  // page shows them (renderer/layout/store-activity.tsx, which then reads it while they last).
  useEffect(() => {
    if (phase === 'backup' || phase === 'writing') void refresh();
  }, [phase, refresh]);
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = async () => {
      const result = await invoke('legacy.progress', { uploadId });
      if (!live) return;
      if (result.ok && result.value !== null) setProgress(result.value);
      timer = setTimeout(() => void ask(), POLL_MS);
    };
    void ask();
    return () => {
      live = false;
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [uploadId]);
  const stop = async () => {
    setStopping(true);
    const result = await invoke('legacy.cancel', { uploadId });
    if (!result.ok || !result.value.cancelled) setStopping(false);
  };
  const percent = progress && progress.total > 0 ? Math.min(100, Math.floor((progress.done / progress.total) * 100)) : 0;
  const text =
    stopping || progress?.cancelled
      ? t('lg.phase.stopping')
      : phase === 'checking'
        ? t('lg.phase.checking', { done: formatNumber(progress?.done ?? 0), total: formatNumber(progress?.total ?? 0), percent })
        : phase === 'reading'
          ? t('lg.phase.reading', { percent })
          : phase === 'writing' && progress && progress.total > 0
            ? t('lg.phase.writingRows', { done: formatNumber(progress.done), total: formatNumber(progress.total), percent })
            : t(`lg.phase.${phase}`);
  // The backup tells no rows: its bar is empty; the write's counts the records its worker has written.
  const [value, max] = phase === 'backup' ? [0, 1] : [progress?.done ?? 0, Math.max(1, progress?.total ?? 1)];
  return (
    <div className="job-progress">
      <ProgressLine label={t('lg.progress')} value={value} max={max} text={text} />
      <Button disabled={stopping || phase === 'writing'} onClick={() => void stop()}>
        {t('lg.cancel')}
      </Button>
    </div>
  );
}
