import { settingsInput } from '../../../api/calls/office';
import type { Settings } from '../../../api/views';
import { invoke } from '../../api-client';
import { CheckboxField } from '../../components/checkbox-field';
import { FormFrame } from '../../components/form-frame';
import { TextField } from '../../components/text-field';
import { toNumber } from '../../forms/convert';
import { useForm } from '../../forms/use-form';
import { useI18n } from '../../i18n';

export function SettingsForm({ settings, onSaved }: { readonly settings: Settings; readonly onSaved: (settings: Settings) => void }) {
  const { t } = useI18n();
  const form = useForm({
    schema: settingsInput,
    initial: {
      idleLockMinutes: String(settings.idleLockMinutes),
      sessionHours: String(settings.sessionHours),
      remoteCommune: settings.remoteCommune,
      reportCutoffDay: String(settings.reportCutoffDay),
    },
    toInput: (values) => ({
      idleLockMinutes: toNumber(values.idleLockMinutes),
      sessionHours: toNumber(values.sessionHours),
      remoteCommune: values.remoteCommune,
      reportCutoffDay: toNumber(values.reportCutoffDay),
    }),
    submit: (input) => invoke('settings.update', input),
    onSuccess: onSaved,
  });
  return (
    <FormFrame form={form} submitLabel={t('common.save')} labelledBy="settings-general">
      <TextField {...form.field('idleLockMinutes')} label={t('settings.idleLock')} hint={t('settings.idleLockHint')} inputMode="numeric" maxLength={2} size="short" required />
      <TextField {...form.field('sessionHours')} label={t('settings.sessionHours')} hint={t('settings.sessionHoursHint')} inputMode="numeric" maxLength={2} size="short" required />
      <CheckboxField {...form.field('remoteCommune')} label={t('settings.remoteCommune')} />
      <TextField {...form.field('reportCutoffDay')} label={t('settings.reportCutoffDay')} hint={t('settings.reportCutoffDayHint')} inputMode="numeric" maxLength={2} size="short" required />
    </FormFrame>
  );
}
