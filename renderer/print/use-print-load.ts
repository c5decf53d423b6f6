import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallError, Result } from '../../api/result';
import type { Progress } from './load-all';
import { loadPrintFonts } from './print-fonts';

export type PrintLoad<T> =
  | { readonly status: 'loading'; readonly progress: Progress | null }
  | { readonly status: 'failed'; readonly error: CallError }
  | { readonly status: 'ready'; readonly value: T };

export type Loader<T> = (onProgress: (progress: Progress) => void, isCancelled: () => boolean) => Promise<Result<T>>;

/**
 * Loads what a document needs when it opens (again when `key` changes or on retry), reporting
 * progress for long loads. The document is "ready" only once the bundled print fonts are loaded too,
 * so printing never catches a fallback font.
 * (`load` is chosen by `key`; a new function object for the same key does not reload.)
 */
export function usePrintLoad<T>(key: string, load: Loader<T>): [PrintLoad<T>, () => void] {
  const [state, setState] = useState<PrintLoad<T>>({ status: 'loading', progress: null });
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const load = loadRef.current;
    let cancelled = false;
    const isCancelled = () => cancelled;
    setState({ status: 'loading', progress: null });
    void load((progress) => {
      if (!cancelled) setState({ status: 'loading', progress });
    }, isCancelled).then(async (result) => {
      if (cancelled) return;
      if (!result.ok) {
        setState({ status: 'failed', error: result.error });
        return;
      }
      await loadPrintFonts();
      if (!cancelled) setState({ status: 'ready', value: result.value });
    });
    return () => {
      cancelled = true;
    };
  }, [key, generation]);

  const retry = useCallback(() => setGeneration((n) => n + 1), []);
  return [state, retry];
}
