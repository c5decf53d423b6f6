import type { ReactNode } from 'react';

export interface ButtonProps {
  readonly children: ReactNode;
  /** submit: the form's main action; button: anything else (the default, so no stray submits). */
  readonly type?: 'button' | 'submit';
  readonly variant?: 'primary' | 'secondary' | 'danger' | 'quiet';
  /** The action is running: the button is disabled and says so to assistive technology. */
  readonly busy?: boolean;
  readonly disabled?: boolean;
  readonly onClick?: () => void;
  readonly small?: boolean;
  /** A link that looks like a button: it goes somewhere (another page) rather than doing something. */
  readonly href?: string;
  /** A button that shows or hides a part of the page: whether that part is shown now. */
  readonly expanded?: boolean;
}

export function Button({ children, type = 'button', variant = 'secondary', busy = false, disabled = false, onClick, small = false, href, expanded }: ButtonProps) {
  const className = `button button-${variant}${small ? ' button-small' : ''}`;
  if (href !== undefined) {
    return (
      <a className={className} href={href} onClick={onClick}>
        {children}
      </a>
    );
  }
  return (
    <button type={type} className={className} disabled={disabled || busy} aria-busy={busy || undefined} aria-expanded={expanded} onClick={onClick}>
      {children}
    </button>
  );
}
