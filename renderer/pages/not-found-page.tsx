import { Page } from '../components/page';
import { useI18n } from '../i18n';
import { href } from '../router';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <Page title={t('page.notFound')}>
      <p>
        <a href={href('/')}>{t('page.backToOverview')}</a>
      </p>
    </Page>
  );
}
