import type { ReactNode } from 'react';

export interface Detail {
  readonly label: string;
  readonly value: ReactNode;
}

/** Label–value pairs (a <dl>), for read-only facts such as an office's details. */
export function DetailsList({ items }: { readonly items: readonly Detail[] }) {
  return (
    <dl className="details">
      {items.map((item) => (
        <div key={item.label} className="details-row">
          <dt>{item.label}</dt>
          <dd>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
