import { useCallback, useEffect, useState } from 'react';
import type { CallInput, CallName, CallOutput } from '../../api/contract';
import type { CallError } from '../../api/result';
import { invoke } from '../api-client';

export type Loaded<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly error: CallError }
  | { readonly status: 'ready'; readonly value: T };

/**
 * Runs a reading call when the component opens and whenever `reload` is called; the previous value
 * stays on screen while a reload runs. The input is compared by its JSON, so a literal is fine.
 */
export function useCall<N extends CallName>(name: N, input: CallInput<N>): [Loaded<CallOutput<N>>, () => void] {
  const [loaded, setLoaded] = useState<Loaded<CallOutput<N>>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  const inputKey = JSON.stringify(input);

  useEffect(() => {
    let current = true;
    void invoke(name, JSON.parse(inputKey) as CallInput<N>).then((result) => {
      if (!current) return;
      setLoaded(result.ok ? { status: 'ready', value: result.value } : { status: 'failed', error: result.error });
    });
    return () => {
      current = false;
    };
  }, [name, inputKey, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return [loaded, reload];
}
