import { settingsInput } from '../../../api/calls/office';
import type { Settings } from '../../../api/views';
import { invoke } from '../../api-client';
import { CheckboxField } from '../../components/checkbox-field';
import { FormFrame } from '../../components/form-frame';
import { TextAreaField } from '../../components/text-area-field';
import { TextField } from '../../components/text-field';
import { toNumber } from '../../forms/convert';
import { useForm } from '../../forms/use-form';
import { useI18n } from '../../i18n';

/** One name a line; blank lines dropped. */
const linesOf = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

export function SettingsForm({ settings, onSaved }: { readonly settings: Settings; readonly onSaved: (settings: Settings) => void }) {
  const { t } = useI18n();
  const form = useForm({
    schema: settingsInput,
    initial: {
      idleLockMinutes: String(settings.idleLockMinutes),
      sessionHours: String(settings.sessionHours),
      remoteCommune: settings.remoteCommune,
      reportCutoffDay: String(settings.reportCutoffDay),
      exchangeLateDays: String(settings.exchangeLateDays),
      exchangeClockBoundHours: String(settings.exchangeClockBoundHours),
      chiefName: settings.chiefName,
      deputyNames: settings.deputyNames.join('\n'),
    },
    toInput: (values) => ({
      idleLockMinutes: toNumber(values.idleLockMinutes),
      sessionHours: toNumber(values.sessionHours),
      remoteCommune: values.remoteCommune,
      reportCutoffDay: toNumber(values.reportCutoffDay),
      exchangeLateDays: toNumber(values.exchangeLateDays),
      exchangeClockBoundHours: toNumber(values.exchangeClockBoundHours),
      chiefName: values.chiefName,
      deputyNames: linesOf(values.deputyNames),
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
      <TextField {...form.field('exchangeLateDays')} label={t('settings.exchangeLateDays')} hint={t('settings.exchangeLateDaysHint')} inputMode="numeric" maxLength={3} size="short" required />
      <TextField
        {...form.field('exchangeClockBoundHours')}
        label={t('settings.exchangeClockBound')}
        hint={t('settings.exchangeClockBoundHint')}
        inputMode="numeric"
        maxLength={3}
        size="short"
        required
      />
      <TextField {...form.field('chiefName')} label={t('settings.chiefName')} hint={t('settings.chiefNameHint')} maxLength={100} />
      <TextAreaField {...form.field('deputyNames')} label={t('settings.deputyNames')} hint={t('settings.deputyNamesHint')} rows={3} />
    </FormFrame>
  );
}
