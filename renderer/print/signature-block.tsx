import { createContext, useContext, type ReactNode } from 'react';
import type { OfficeView } from '../../api/views';
import { chiefSigner, type SignerChoice } from './print-format';

export interface SignatureBlockProps {
  /** The signer's capacity or title, in bold capitals ("NGƯỜI LẬP BIÊN BẢN", "TRƯỞNG CÔNG AN XÃ"); a line break splits "KT. …" from "PHÓ …". */
  readonly capacity: string;
  /** A hint under the capacity, in italics ("(Ký, ghi rõ họ tên)"). */
  readonly hint?: string;
  /** The signer's full name, in bold under the space for the signature; empty leaves the space. */
  readonly name?: string;
}

/** Capacity, room for the signature (and seal), then the signer's name. */
export function SignatureBlock({ capacity, hint, name }: SignatureBlockProps) {
  return (
    <div className="doc-signature">
      <p className="doc-signature-capacity">{capacity}</p>
      {hint ? <p className="doc-signature-hint">{hint}</p> : null}
      <div className="doc-signature-space" aria-hidden="true" />
      <p className="doc-signature-name">{name ?? ''}</p>
    </div>
  );
}

/** Who signs for the chief, chosen on the print screen's toolbar (the chief by default). */
export const SignerContext = createContext<SignerChoice>({ chiefName: '', deputy: null });

/** The chief's signature (or a deputy's, "KT."), with the name from the office's settings. */
export function ChiefSignature({ office, hint }: { readonly office: Pick<OfficeView, 'name' | 'level'>; readonly hint?: string }) {
  const signer = chiefSigner(office.name, office.level, useContext(SignerContext));
  return <SignatureBlock capacity={signer.capacity} hint={hint} name={signer.name} />;
}

/** Two blocks side by side at the end of a document (recipients or a second signer on the left). */
export function Signatures({ left, right }: { readonly left: ReactNode; readonly right: ReactNode }) {
  return (
    <div className="doc-signatures">
      <div className="doc-signatures-left">{left}</div>
      <div className="doc-signatures-right">{right}</div>
    </div>
  );
}

/**
 * The end of a document: its last paragraph (or a table's last rows and its total line) and the
 * signatures, kept on one page, so the signatures never stand alone on a page.
 */
export function DocumentEnd({ children, signatures }: { readonly children?: ReactNode; readonly signatures: ReactNode }) {
  return (
    <div className="doc-end">
      {children}
      {signatures}
    </div>
  );
}
