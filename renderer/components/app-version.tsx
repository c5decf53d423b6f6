import { useEffect, useState } from 'react';
import { invoke } from '../api-client';
import { useI18n } from '../i18n';

/**
 * About: the program and its version (package.json, through setup.status, which anyone may ask),
 * so an officer can tell the higher office or the person who installs updates which version runs here.
 * Shown under the side navigation and under the login and setup screens.
 */
export function AppVersion({ className }: { readonly className?: string }) {
  const { t } = useI18n();
  const [version, setVersion] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void invoke('setup.status', {}).then((status) => {
      if (live && status.ok) setVersion(status.value.appVersion);
    });
    return () => {
      live = false;
    };
  }, []);
  if (version === null) return null;
  return (
    <section className={`about${className ? ` ${className}` : ''}`} aria-label={t('about.title')}>
      <span className="about-title">{t('about.title')}</span> <span className="about-version">{t('about.version', { version })}</span>
    </section>
  );
}
