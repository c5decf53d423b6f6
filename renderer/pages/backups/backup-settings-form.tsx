import { useState } from 'react';
import { settingsInput } from '../../../api/calls/office';
import type { Settings } from '../../../api/views';
import { invoke } from '../../api-client';
import { FormFrame } from '../../components/form-frame';
import { LoadedView } from '../../components/loaded-view';
import { Notice } from '../../components/notice';
import { TextField } from '../../components/text-field';
import { useCall } from '../../data/use-call';
import { toNumber } from '../../forms/convert';
import { useForm } from '../../forms/use-form';
import { useI18n } from '../../i18n';

const backupSettings = settingsInput.pick({ backupKeepDaily: true, backupKeepWeekly: true, backupKeepMonthly: true, backupExternalDir: true });

/** How many automatic backups are kept, and the external folder; the office's other settings stay. */
function BackupSettingsForm({ settings, onSaved }: { readonly settings: Settings; readonly onSaved: (settings: Settings) => void }) {
  const { t } = useI18n();
  const form = useForm({
    schema: backupSettings,
    initial: {
      backupKeepDaily: String(settings.backupKeepDaily),
      backupKeepWeekly: String(settings.backupKeepWeekly),
      backupKeepMonthly: String(settings.backupKeepMonthly),
      backupExternalDir: settings.backupExternalDir ?? '',
    },
    toInput: (values) => ({
      backupKeepDaily: toNumber(values.backupKeepDaily),
      backupKeepWeekly: toNumber(values.backupKeepWeekly),
      backupKeepMonthly: toNumber(values.backupKeepMonthly),
      backupExternalDir: values.backupExternalDir,
    }),
    submit: (input) => invoke('settings.update', { idleLockMinutes: settings.idleLockMinutes, remoteCommune: settings.remoteCommune, ...input }),
    onSuccess: onSaved,
  });
  return (
    <FormFrame form={form} submitLabel={t('common.save')} labelledBy="backup-settings">
      <p className="muted">{t('bk.keepExplain')}</p>
      <TextField {...form.field('backupKeepDaily')} label={t('bk.keepDaily')} inputMode="numeric" maxLength={3} size="short" required />
      <TextField {...form.field('backupKeepWeekly')} label={t('bk.keepWeekly')} inputMode="numeric" maxLength={3} size="short" required />
      <TextField {...form.field('backupKeepMonthly')} label={t('bk.keepMonthly')} inputMode="numeric" maxLength={3} size="short" required />
      <TextField {...form.field('backupExternalDir')} label={t('bk.externalDir')} hint={t('bk.externalDirHint')} maxLength={500} />
    </FormFrame>
  );
}

/** The backup settings' card: the form over the office's current settings. */
export function BackupSettingsSection({ onSaved }: { readonly onSaved: () => void }) {
  const { t } = useI18n();
  const [settings] = useCall('settings.get', {});
  const [saved, setSaved] = useState(false);
  return (
    <section className="card" aria-labelledby="backup-settings">
      <h2 id="backup-settings">{t('bk.settings')}</h2>
      {saved ? <Notice kind="success">{t('bk.settingsSaved')}</Notice> : null}
      <LoadedView loaded={settings}>
        {(value) => (
          <BackupSettingsForm
            settings={value}
            onSaved={() => {
              setSaved(true);
              onSaved();
            }}
          />
        )}
      </LoadedView>
    </section>
  );
}
