import type { ReactNode } from 'react';
import type { Loaded } from '../data/use-call';
import { describeError } from '../errors';
import { useI18n } from '../i18n';
import { Notice } from './notice';

/** Shows "loading", the call's error, or the value through `children`. */
export function LoadedView<T>({ loaded, children }: { readonly loaded: Loaded<T>; readonly children: (value: T) => ReactNode }) {
  const { t } = useI18n();
  if (loaded.status === 'loading') return <p role="status" className="muted">{t('app.loading')}</p>;
  if (loaded.status === 'failed') return <Notice kind="error">{describeError(t, loaded.error)}</Notice>;
  return <>{children(loaded.value)}</>;
}
