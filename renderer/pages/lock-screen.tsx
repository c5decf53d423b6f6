import { contract } from '../../api/contract';
import type { SessionView } from '../../api/views';
import { invoke } from '../api-client';
import { Button } from '../components/button';
import { FormFrame } from '../components/form-frame';
import { PasswordField } from '../components/password-field';
import { useForm } from '../forms/use-form';
import { useI18n } from '../i18n';
import { AuthFrame } from '../layout/auth-frame';
import { useSession } from '../session/session-context';

/** Shown over the hidden main layout after idle time: the password opens it again, or log out. */
export function LockScreen({ onUnlocked }: { readonly onUnlocked: (session: SessionView) => void }) {
  const { t } = useI18n();
  const { session, logout } = useSession();
  const form = useForm({
    guardLeave: false,
    schema: contract['auth.unlock'].input,
    initial: { password: '' },
    submit: (input) => invoke('auth.unlock', input),
    onSuccess: onUnlocked,
    secretField: 'password',
  });

  return (
    <AuthFrame title={t('lock.title')}>
      <p className="auth-office">{session.office.name}</p>
      <h1 id="lock-title" className="auth-title">
        {t('lock.title')}
      </h1>
      <p>{t('lock.intro', { name: session.user.fullName })}</p>
      <FormFrame form={form} submitLabel={t('lock.unlock')} labelledBy="lock-title">
        <PasswordField {...form.field('password')} label={t('user.password')} purpose="current" required autoFocus />
      </FormFrame>
      <div className="auth-secondary">
        <Button variant="quiet" onClick={logout}>
          {t('layout.logout')}
        </Button>
      </div>
    </AuthFrame>
  );
}
