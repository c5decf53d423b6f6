import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A titled panel that opens in the page for one task (reset a password, confirm a deactivation);
 * its heading takes the focus when it opens so the task is announced and next in the tab order.
 */
export function Panel({ id, title, children }: { readonly id: string; readonly title: string; readonly children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [id]);
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id} ref={heading} tabIndex={-1}>
        {title}
      </h2>
      {children}
    </section>
  );
}
