import { useEffect, useState } from 'react';
import type { Message } from '../i18n/message';

/**
 * A success message carried across one navigation ("Đã ghi vào sổ: số 15/2026." shown on the report
 * page that the form moved to). Read once by the next page that asks for it.
 */
let pending: Message | null = null;

export function flash(message: Message): void {
  pending = message;
}

export function useFlash(): Message | null {
  const [message] = useState(() => pending);
  useEffect(() => {
    pending = null;
  }, []);
  return message;
}
