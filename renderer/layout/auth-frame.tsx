import { useEffect, type ReactNode } from 'react';
import { AppVersion } from '../components/app-version';
import { LanguageSwitch } from '../components/language-switch';
import { useI18n } from '../i18n';

/** The frame of the screens before the main layout: setup, login, lock, loading. */
export function AuthFrame({ title, wide = false, children }: { readonly title: string; readonly wide?: boolean; readonly children: ReactNode }) {
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${title} – ${t('app.name')}`;
  }, [title, t]);
  return (
    <div className="auth">
      <header className="auth-header">
        <span className="brand">{t('app.name')}</span>
        <LanguageSwitch />
      </header>
      <main className="auth-main">
        <div className={`auth-card${wide ? ' auth-card-wide' : ''}`}>{children}</div>
      </main>
      <footer className="auth-footer">
        <AppVersion />
      </footer>
    </div>
  );
}
