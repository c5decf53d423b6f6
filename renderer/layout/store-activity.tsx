import { useEffect, useRef } from 'react';
import { Notice } from '../components/notice';
import { ProgressLine } from '../components/progress-line';
import { formatDateAndTime } from '../format';
import { useI18n, type MessageKey } from '../i18n';
import { href } from '../router';
import { useCan, useSession } from '../session/session-context';

/** How often the session is read again while a check or a backup runs. */
const POLL_MS = 1000;

/**
 * What the store is doing in the background, above every page: the check after a power cut (its
 * progress; writing waits meanwhile), its outcome, a backup being written, and a bundle being imported
 * (writing waits meanwhile too) (docs/decisions.md, "After a power cut", "First login of the day", "The
 * register beside long work").
 */
export function StoreActivity() {
  const { t } = useI18n();
  const { session, refresh } = useSession();
  const canRestore = useCan('backups.manage');
  const { storeCheck, backup, importing } = session;
  const busy = storeCheck.state === 'checking' || backup !== null || importing !== null;
  // "The check is done" is said only to whoever watched it run.
  const sawCheck = useRef(storeCheck.state === 'checking');
  if (storeCheck.state === 'checking') sawCheck.current = true;

  useEffect(() => {
    if (!busy) return undefined;
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [busy, refresh]);

  const parts = [];
  if (storeCheck.state === 'checking') {
    parts.push(
      <ProgressLine
        key="check"
        label={t('activity.checkingLabel')}
        value={storeCheck.done}
        max={storeCheck.total}
        text={storeCheck.total > 0 ? t('activity.checking', { done: storeCheck.done, total: storeCheck.total }) : t('activity.checkingStart')}
      />,
    );
  } else if (storeCheck.state === 'passed' && sawCheck.current) {
    parts.push(
      <Notice key="check" kind="success">
        {t('activity.passed')}
      </Notice>,
    );
  } else if (storeCheck.state === 'damaged') {
    const backupName = storeCheck.lastBackupAt === null ? null : formatDateAndTime(storeCheck.lastBackupAt);
    parts.push(
      <Notice key="check" kind="error">
        <p>{t('activity.damaged')}</p>
        <p>{backupName ? t(canRestore ? 'activity.damagedRestore' : 'activity.damagedAsk', { backup: backupName }) : t('activity.damagedNoBackup')}</p>
        {backupName && canRestore ? <a href={href('/backups')}>{t('activity.openBackups')}</a> : null}
      </Notice>,
    );
  }
  if (backup) {
    const kind = `bk.kind.${backup.reason.replace(/-\d+$/, '').replace(/^before-migration-v\d+$/, 'before-migration')}` as MessageKey;
    parts.push(
      <ProgressLine
        key="backup"
        label={t('activity.backupLabel')}
        value={backup.percent}
        max={100}
        text={t('activity.backup', { reason: t(kind).toLowerCase(), percent: backup.percent })}
      />,
    );
  }
  if (importing) {
    parts.push(
      <ProgressLine
        key="import"
        label={t('activity.importLabel')}
        value={importing.percent}
        max={100}
        text={t(importing.source === 'register' ? 'activity.importRegister' : importing.dryRun ? 'activity.importChecking' : 'activity.importing', { percent: importing.percent })}
      />,
    );
  }
  if (parts.length === 0) return null;
  return <div className="store-activity">{parts}</div>;
}
