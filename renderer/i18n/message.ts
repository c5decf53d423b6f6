import type { Params } from '.';
import type { MessageKey } from './vi';

/** A message kept as its key and values, so it is translated when shown (and follows a language switch). */
export interface Message {
  readonly key: MessageKey;
  readonly params?: Params;
}
