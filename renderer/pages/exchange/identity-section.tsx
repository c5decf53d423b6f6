import { useState } from 'react';
import type { IdentityView } from '../../../api/views';
import { Button } from '../../components/button';
import { DetailsList } from '../../components/details-list';
import { Notice } from '../../components/notice';
import { download } from '../../data/files';
import { useI18n } from '../../i18n';
import { keyCardPath } from '../../print/print-route';
import { href } from '../../router';
import { Fingerprint } from './fingerprint';

/** "Khóa của đơn vị": this office's key card on screen, its printed card and its public-key file. */
export function IdentitySection({ identity }: { readonly identity: IdentityView }) {
  const { t } = useI18n();
  const [downloaded, setDownloaded] = useState<string | null>(null);
  const saveKeyFile = () => {
    download(new TextEncoder().encode(identity.publicKeyFile), identity.fileName, 'application/json');
    setDownloaded(identity.fileName);
  };
  return (
    <section className="card" aria-labelledby="exchange-identity">
      <h2 id="exchange-identity">{t('xc.identity')}</h2>
      <DetailsList
        items={[
          { label: t('xc.office'), value: identity.office.name },
          { label: t('xc.officeCode'), value: identity.office.code },
          { label: t('xc.keyId'), value: identity.keyId },
        ]}
      />
      <h3 className="exchange-subheading">{t('xc.fingerprint')}</h3>
      <Fingerprint value={identity.fingerprint} />
      <p className="muted">{t('xc.identityHint')}</p>
      <p className="muted">{t('xc.newCardHint')}</p>
      <div className="exchange-actions">
        <Button href={href(keyCardPath)}>{t('xc.printCard')}</Button>
        <Button onClick={saveKeyFile}>{t('xc.downloadKey')}</Button>
      </div>
      {downloaded ? <Notice kind="success">{t('xc.keyDownloaded', { file: downloaded })}</Notice> : null}
    </section>
  );
}
