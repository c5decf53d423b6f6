import { Fragment } from 'react';
import { fingerprintGroups } from './exchange-labels';

/**
 * A key's fingerprint in large grouped digits, to compare group by group with the printed key card.
 * The groups are separated by spaces in the text too, so a screen reader reads them group by group.
 */
export function Fingerprint({ value }: { readonly value: string }) {
  return (
    <p className="fingerprint">
      {fingerprintGroups(value).map((group, index) => (
        <Fragment key={index}>
          {index > 0 ? ' ' : null}
          <span className="fingerprint-group">{group}</span>
        </Fragment>
      ))}
    </p>
  );
}
