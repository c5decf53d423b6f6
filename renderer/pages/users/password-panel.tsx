import { FormFrame } from '../../components/form-frame';
import { Panel } from '../../components/panel';
import type { Form } from '../../forms/use-form';
import type { emptyPasswords } from './user-action';
import { NewPasswordFields } from './new-password-fields';

export interface PasswordPanelProps {
  readonly form: Form<typeof emptyPasswords>;
  readonly title: string;
  readonly hint?: string;
  readonly submitLabel: string;
  readonly onCancel: () => void;
}

/** A panel asking a new password twice: resetting a password, reactivating an account. */
export function PasswordPanel({ form, title, hint, submitLabel, onCancel }: PasswordPanelProps) {
  return (
    <Panel id="user-action-title" title={title}>
      {hint ? <p>{hint}</p> : null}
      <FormFrame form={form} submitLabel={submitLabel} labelledBy="user-action-title" onCancel={onCancel}>
        <NewPasswordFields password={form.field('password')} passwordConfirm={form.field('passwordConfirm')} kind="replacement" />
      </FormFrame>
    </Panel>
  );
}
