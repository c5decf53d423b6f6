import { Notice } from '../components/notice';
import { useI18n } from '../i18n';
import { href } from '../router';

/** What a page shows to a role without its permission (the backend refuses the calls anyway). */
export function NoAccess() {
  const { t } = useI18n();
  return (
    <>
      <Notice kind="error">{t('page.noAccess')}</Notice>
      <p>
        <a href={href('/')}>{t('page.backToOverview')}</a>
      </p>
    </>
  );
}
