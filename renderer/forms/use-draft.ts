import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DraftView } from '../../api/calls/drafts';
import { invoke } from '../api-client';

/** How long typing pauses before the draft is saved. */
export const DRAFT_DELAY_MS = 1_000;

export interface DraftState {
  /** A draft saved earlier, not restored or discarded yet: offered above the form. */
  readonly offered: DraftView | null;
  /** When this form's draft was last saved (ms), or null. */
  readonly savedAt: number | null;
  readonly restore: () => void;
  readonly discard: () => void;
  /** The form was saved: its draft is deleted and nothing more is saved. */
  readonly saved: () => void;
}

const NONE: DraftState = { offered: null, savedAt: null, restore: () => undefined, discard: () => undefined, saved: () => undefined };

/**
 * The draft of a long form (api/calls/drafts.ts), kept in the encrypted store for the logged-in user:
 * found when the form opens and offered back; saved DRAFT_DELAY_MS after typing pauses while the form
 * has changes (not while an older draft is still offered, so a keystroke does not overwrite it before
 * the user chose); deleted when the form is saved or the draft discarded. Without a key, nothing.
 */
export function useDraft<V>(key: string | undefined, values: V, dirty: boolean, apply: (values: V) => void): DraftState {
  const [offered, setOffered] = useState<DraftView | null>(null);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const done = useRef(false);
  const applyRef = useRef(apply);
  applyRef.current = apply;
  const openedWith = useRef(JSON.stringify(values));

  useEffect(() => {
    if (!key) return;
    let current = true;
    void invoke('drafts.get', { form: key }).then((result) => {
      if (current && result.ok && result.value && result.value.data !== openedWith.current) setOffered(result.value);
    });
    return () => {
      current = false;
    };
  }, [key]);

  const data = JSON.stringify(values);
  useEffect(() => {
    if (!key || !dirty || offered || done.current) return;
    const timer = window.setTimeout(() => {
      if (done.current) return;
      void invoke('drafts.save', { form: key, data }).then((result) => {
        if (result.ok && !done.current) setSavedAt(Date.now());
      });
    }, DRAFT_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [key, data, dirty, offered]);

  const restore = useCallback(() => {
    if (!offered) return;
    try {
      applyRef.current(JSON.parse(offered.data) as V);
    } finally {
      setOffered(null);
    }
  }, [offered]);
  const discard = useCallback(() => {
    if (key) void invoke('drafts.discard', { form: key });
    setOffered(null);
  }, [key]);
  const saved = useCallback(() => {
    done.current = true;
    setOffered(null);
    if (key) void invoke('drafts.discard', { form: key });
  }, [key]);

  const state = useMemo(() => ({ offered, savedAt, restore, discard, saved }), [offered, savedAt, restore, discard, saved]);
  return key ? state : NONE;
}
