import { restoreInput } from '../../../api/calls/backups';
import type { BackupView, RestoreView } from '../../../api/views';
import { invoke } from '../../api-client';
import { CheckboxField } from '../../components/checkbox-field';
import { FormFrame } from '../../components/form-frame';
import { Panel } from '../../components/panel';
import { formatDateAndTime } from '../../format';
import { useForm } from '../../forms/use-form';
import { useI18n } from '../../i18n';

export interface RestorePanelProps {
  readonly backup: BackupView;
  readonly onDone: (result: RestoreView) => void;
  readonly onCancel: () => void;
}

/** Asks before a restore: what it replaces, and a tick that the person means it. */
export function RestorePanel({ backup, onDone, onCancel }: RestorePanelProps) {
  const { t } = useI18n();
  const form = useForm({
    schema: restoreInput,
    initial: { confirm: false },
    // Unticked, the schema refuses it with v.confirm_restore, under the box.
    toInput: (values) => ({ name: backup.name, confirm: values.confirm as true }),
    submit: (input) => invoke('backups.restore', input),
    onSuccess: onDone,
  });
  return (
    <Panel id="restore-title" title={t('bk.restoreTitle', { at: formatDateAndTime(backup.at) })}>
      <p>{t('bk.restoreWarning')}</p>
      <FormFrame form={form} submitLabel={t('bk.restoreSubmit')} submitVariant="danger" labelledBy="restore-title" onCancel={onCancel}>
        <CheckboxField {...form.field('confirm')} label={t('bk.restoreConfirm')} required />
      </FormFrame>
    </Panel>
  );
}
