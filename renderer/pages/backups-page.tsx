import { useState } from 'react';
import type { BackupView, RestoreView } from '../../api/views';
import { invoke } from '../api-client';
import { Button } from '../components/button';
import { LoadedView } from '../components/loaded-view';
import { Notice } from '../components/notice';
import { Page } from '../components/page';
import { useCall } from '../data/use-call';
import { describeError } from '../errors';
import { formatDateAndTime } from '../format';
import { useI18n } from '../i18n';
import { useCan, useSession } from '../session/session-context';
import { BackupDetails } from './backups/backup-details';
import { ExternalState } from './backups/external-state';
import { BackupSettingsSection } from './backups/backup-settings-form';
import { BackupsTable } from './backups/backups-table';
import { RestorePanel } from './backups/restore-panel';
import { NoAccess } from './no-access';

export function BackupsPage() {
  const { t } = useI18n();
  const canManage = useCan('backups.manage');
  return <Page title={t('bk.title')}>{canManage ? <BackupsManager /> : <NoAccess />}</Page>;
}

type Step = { readonly kind: 'view' | 'restore'; readonly backup: BackupView } | null;
type Outcome = { readonly kind: 'success' | 'error'; readonly text: string } | null;

function BackupsManager() {
  const { t } = useI18n();
  const { refresh } = useSession();
  const [list, reload] = useCall('backups.list', {});
  const [step, setStep] = useState<Step>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);

  const show = (next: Outcome) => {
    setOutcome(next);
    reload();
  };

  const backUpNow = async () => {
    setBusy(true);
    setOutcome(null);
    const result = await invoke('backups.create', {});
    setBusy(false);
    if (!result.ok) return show({ kind: 'error', text: describeError(t, result.error) });
    // How the copy to the external folder went shows below, with the list.
    show({ kind: 'success', text: t('bk.taken', { at: formatDateAndTime(result.value.at) }) });
  };

  const restored = (result: RestoreView) => {
    setStep(null);
    const text = t('bk.restored', { at: formatDateAndTime(result.restored.at), safetyAt: formatDateAndTime(result.safety.at) });
    show({ kind: 'success', text: result.stillLoggedIn ? text : `${text} ${t('bk.restoredLoggedOut')}` });
    // The office, the user and everything on other pages come from the restored store now.
    void refresh();
  };

  return (
    <>
      <section className="card" aria-labelledby="backups-list">
        <h2 id="backups-list">{t('bk.list')}</h2>
        <p className="muted">{t('bk.explain')}</p>
        {outcome ? <Notice kind={outcome.kind}>{outcome.text}</Notice> : null}
        <div className="page-actions">
          <Button variant="primary" busy={busy} onClick={() => void backUpNow()}>
            {t('bk.backUpNow')}
          </Button>
        </div>
        <LoadedView loaded={list}>
          {(value) => (
            <>
              <p className="muted">{t('bk.folder', { folder: value.folder })}</p>
              <ExternalState list={value} />
              <BackupsTable backups={value.backups} onView={(backup) => setStep({ kind: 'view', backup })} />
            </>
          )}
        </LoadedView>
      </section>
      {step?.kind === 'view' ? (
        <BackupDetails key={step.backup.name} backup={step.backup} onRestore={() => setStep({ kind: 'restore', backup: step.backup })} onClose={() => setStep(null)} />
      ) : null}
      {step?.kind === 'restore' ? <RestorePanel key={step.backup.name} backup={step.backup} onDone={restored} onCancel={() => setStep(null)} /> : null}
      <BackupSettingsSection onSaved={reload} />
    </>
  );
}
