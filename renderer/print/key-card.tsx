import type { IdentityView } from '../../api/views';
import { QrCode } from '../components/qr-code';
import { fingerprintGroups } from '../pages/exchange/exchange-labels';
import { Body, Line } from './body';
import { DocumentHeader } from './document-header';
import { DocumentTitle } from './document-title';
import { documentNumber, placeDateLine } from './print-format';
import { keyCardText as text } from './print-text';
import { ChiefSignature, DocumentEnd, Signatures } from './signature-block';

/** What the QR code holds: the key id and the fingerprint's digits, as the public-key file names them. */
export function keyCardQrText(identity: Pick<IdentityView, 'keyId' | 'fingerprint'>): string {
  return `SOANTT-KEY:${identity.keyId}:${fingerprintGroups(identity.fingerprint).join('')}`;
}

/**
 * The key card of this office (issue #7): the office and its code, the key id, the fingerprint in
 * large grouped digits and a QR code of it, how the receiving office checks it, and the chief's
 * signature and seal.
 */
export function KeyCard({ identity, printedAt }: { readonly identity: IdentityView; readonly printedAt: number }) {
  const { office } = identity;
  return (
    <article className="doc doc-portrait" aria-label={text.title}>
      <DocumentHeader parentName={office.parentName} officeName={office.name} number={documentNumber(null, text.symbol, office.name)} placeDate={placeDateLine(office.name, printedAt)} />
      <DocumentTitle title={text.title} summary={text.summary} />
      <Body>
        <Line label={text.office} value={office.name} />
        <Line label={text.code} value={office.code} />
        <Line label={text.keyId} value={identity.keyId} />
      </Body>
      <section className="key-card-fingerprint" aria-label={text.fingerprint}>
        <p className="key-card-caption">{text.fingerprint}</p>
        <p className="key-card-digits">
          {fingerprintGroups(identity.fingerprint).map((group, index) => (
            <span key={index} className="key-card-group">
              {group}{' '}
            </span>
          ))}
        </p>
        <QrCode className="key-card-qr" text={keyCardQrText(identity)} label={text.qr} />
      </section>
      <Body>
        <p>{text.howTo}</p>
      </Body>
      <DocumentEnd signatures={<Signatures left={null} right={<ChiefSignature office={office} hint={text.signHint} />} />}>
        <Body>
          <p>{text.keep}</p>
        </Body>
      </DocumentEnd>
    </article>
  );
}
