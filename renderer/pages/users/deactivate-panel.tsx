import { contract } from '../../../api/contract';
import { FormFrame } from '../../components/form-frame';
import { Panel } from '../../components/panel';
import { invoke } from '../../api-client';
import { useForm } from '../../forms/use-form';
import { useI18n } from '../../i18n';
import type { ActionPanelProps } from './user-action';

/** Asks before deactivating: the person can no longer log in until reactivated with a new password. */
export function DeactivatePanel({ user, onDone, onCancel }: ActionPanelProps) {
  const { t } = useI18n();
  const name = user.fullName;
  const form = useForm({
    schema: contract['users.setActive'].input,
    initial: {},
    toInput: () => ({ userId: user.id, active: false as const }),
    submit: (input) => invoke('users.setActive', input),
    onSuccess: () => onDone({ key: 'users.deactivated', params: { name } }),
  });
  return (
    <Panel id="user-action-title" title={t('users.deactivateTitle', { name })}>
      <p>{t('users.deactivateWarning')}</p>
      <FormFrame form={form} submitLabel={t('users.deactivate')} submitVariant="danger" labelledBy="user-action-title" onCancel={onCancel} />
    </Panel>
  );
}
