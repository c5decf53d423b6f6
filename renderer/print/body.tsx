import type { ReactNode } from 'react';

/** The text of a document: 13–14 pt, justified, each paragraph's first line indented 1.27 cm. */
export function Body({ children }: { readonly children: ReactNode }) {
  return <div className="doc-body">{children}</div>;
}

const DOTS = '..............................';

/** The value, or a dotted line to fill in by hand where nothing was recorded. */
export function orBlank(value: string): string {
  return value.trim() === '' ? DOTS : value;
}

/** "Label: value" as one paragraph; an empty value leaves a dotted line to fill in by hand. */
export function Line({ label, value }: { readonly label: string; readonly value: string }) {
  return (
    <p>
      {label}: {orBlank(value)}
    </p>
  );
}
