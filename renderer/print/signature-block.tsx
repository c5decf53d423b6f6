import type { ReactNode } from 'react';

export interface SignatureBlockProps {
  /** The signer's capacity or title, in bold capitals ("NGƯỜI LẬP BIÊN BẢN", "TRƯỞNG CÔNG AN XÃ"). */
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

/** Two blocks side by side at the end of a document (recipients or a second signer on the left). */
export function Signatures({ left, right }: { readonly left: ReactNode; readonly right: ReactNode }) {
  return (
    <div className="doc-signatures">
      <div className="doc-signatures-left">{left}</div>
      <div className="doc-signatures-right">{right}</div>
    </div>
  );
}
