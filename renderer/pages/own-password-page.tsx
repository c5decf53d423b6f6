import { useState } from 'react';
import { changePasswordInput } from '../../api/calls/auth';
import { invoke } from '../api-client';
import { FormFrame } from '../components/form-frame';
import { Notice } from '../components/notice';
import { Page } from '../components/page';
import { PasswordField } from '../components/password-field';
import { useForm } from '../forms/use-form';
import { useI18n } from '../i18n';
import { NewPasswordFields } from './users/new-password-fields';

const empty = { current: '', password: '', passwordConfirm: '' };

/**
 * Any user changes their own password (auth.changePassword), from the entry beside their name: the
 * same key pair, its private key wrapped under the new password (docs/security.md, "Passwords").
 */
export function OwnPasswordPage() {
  const { t } = useI18n();
  const [changed, setChanged] = useState(false);
  const form = useForm({
    schema: changePasswordInput,
    initial: empty,
    submit: (input) => invoke('auth.changePassword', input),
    onSuccess: () => setChanged(true),
    resetOnSuccess: true,
    secretField: 'current',
  });
  return (
    <Page title={t('account.passwordTitle')}>
      {changed ? <Notice kind="success">{t('account.passwordChanged')}</Notice> : null}
      <section className="card">
        <p className="muted">{t('account.passwordHint')}</p>
        <FormFrame form={form} submitLabel={t('password.submit')} labelledBy="page-title">
          <PasswordField {...form.field('current')} label={t('password.current')} purpose="current" required />
          <NewPasswordFields password={form.field('password')} passwordConfirm={form.field('passwordConfirm')} kind="replacement" />
        </FormFrame>
      </section>
    </Page>
  );
}
