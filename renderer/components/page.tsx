import { useEffect, useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n';

/**
 * A page of the main layout: its heading (focused when the page opens, so keyboard and screen-reader
 * users start there) and the window title. Wide pages (the register's table) use the whole width.
 */
export function Page({ title, wide = false, children }: { readonly title: string; readonly wide?: boolean; readonly children: ReactNode }) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  useEffect(() => {
    document.title = `${title} – ${t('app.name')}`;
  }, [title, t]);
  return (
    <section className={wide ? 'page page-wide' : 'page'} aria-labelledby="page-title">
      <h1 id="page-title" ref={heading} tabIndex={-1} className="page-title">
        {title}
      </h1>
      {children}
    </section>
  );
}
