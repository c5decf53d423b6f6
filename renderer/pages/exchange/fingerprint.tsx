import { fingerprintGroups } from './exchange-labels';

/** A key's fingerprint in large grouped digits, to compare group by group with the printed key card. */
export function Fingerprint({ value, label }: { readonly value: string; readonly label: string }) {
  return (
    <p className="fingerprint" aria-label={`${label}: ${value}`}>
      {fingerprintGroups(value).map((group, index) => (
        <span key={index} className="fingerprint-group" aria-hidden="true">
          {group}
        </span>
      ))}
    </p>
  );
}
