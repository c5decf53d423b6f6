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
}

export function Button({ children, type = 'button', variant = 'secondary', busy = false, disabled = false, onClick, small = false }: ButtonProps) {
  return (
    <button
      type={type}
      className={`button button-${variant}${small ? ' button-small' : ''}`}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
      onClick={onClick}
    >
      {children}
    </button>
  );
}
