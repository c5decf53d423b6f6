import type { ReactNode } from 'react';

export interface NoticeProps {
  /** error: announced at once (role=alert); success and info: announced politely (role=status). */
  readonly kind: 'success' | 'info' | 'error';
  readonly children: ReactNode;
}

export function Notice({ kind, children }: NoticeProps) {
  return (
    <div className={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
