import { useSyncExternalStore } from 'react';
import type { CallName, CallOutput } from '../../api/contract';
import { invoke, onCallDone } from '../api-client';
import type { Loaded } from './use-call';

/**
 * The reference lists the pages look names up in (categories, villages, officers, program kinds,
 * measures, offices): each read once, shared by every page that shows it, and read again only after a
 * call that may have changed it succeeds, so opening a detail page does not read them all again.
 */
export const referenceLists = ['categories.list', 'localities.list', 'users.officers', 'programs.kinds', 'campaigns.measures', 'offices.list'] as const satisfies readonly CallName[];
export type ReferenceList = (typeof referenceLists)[number];

/** Calls after which every list is read again: another user or office, or records from elsewhere. */
const changesAll: ReadonlySet<CallName> = new Set<CallName>([
  'setup.create',
  'setup.demo',
  'auth.login',
  'backups.restore',
  'exchange.apply',
  'exchange.resolve',
  'exchange.enrol',
  'exchange.revoke',
  'exchange.trust',
  'settings.update',
]);

/** Writes that change one list; any other call of the feature of categories, villages or offices changes its list too. */
const changesOne: Partial<Record<CallName, ReferenceList>> = {
  'localities.create': 'localities.list',
  'programs.createKind': 'programs.kinds',
  'measures.create': 'campaigns.measures',
  'users.create': 'users.officers',
  'users.update': 'users.officers',
  'users.setActive': 'users.officers',
};
const byFeature: Readonly<Record<string, ReferenceList>> = { categories: 'categories.list', localities: 'localities.list', offices: 'offices.list' };

/** The lists a successful call may have changed. */
export function changedBy(name: CallName): readonly ReferenceList[] {
  if (changesAll.has(name)) return referenceLists;
  if ((referenceLists as readonly CallName[]).includes(name)) return [];
  const one = changesOne[name] ?? byFeature[name.slice(0, name.indexOf('.'))];
  return one ? [one] : [];
}

interface Entry {
  /** What the pages show: the last answer, kept on screen while the list is read again. */
  loaded: Loaded<unknown>;
  /** The answer is missing or may be out of date: read it when someone shows it. */
  stale: boolean;
  /** Counts the reads, so that the answer of one overtaken by a change is dropped. */
  reading: number;
  readonly listeners: Set<() => void>;
  /** For useSyncExternalStore, made once so a page subscribes once: a list on screen is read if it is stale. */
  readonly subscribe: (listener: () => void) => () => void;
}

const LOADING: Loaded<never> = { status: 'loading' };
const entries = new Map<ReferenceList, Entry>(
  referenceLists.map((name) => {
    const listeners = new Set<() => void>();
    const subscribe = (listener: () => void) => {
      listeners.add(listener);
      if (entryOf(name).stale) read(name);
      return () => listeners.delete(listener);
    };
    return [name, { loaded: LOADING, stale: true, reading: 0, listeners, subscribe }];
  }),
);

function entryOf(name: ReferenceList): Entry {
  return entries.get(name)!;
}

function read(name: ReferenceList): void {
  const entry = entryOf(name);
  entry.stale = false;
  const reading = ++entry.reading;
  void invoke(name, {}).then((result) => {
    if (entry.reading !== reading) return;
    entry.loaded = result.ok ? { status: 'ready', value: result.value } : { status: 'failed', error: result.error };
    // A failure is not kept: the next page that shows the list tries again.
    entry.stale = !result.ok;
    for (const listener of entry.listeners) listener();
  });
}

/** Forgets the lists: those on screen are read again now (unless `readNow` is false), the others when next shown. */
export function invalidateReferenceLists(names: readonly ReferenceList[] = referenceLists, readNow = true): void {
  for (const name of names) {
    const entry = entryOf(name);
    entry.stale = true;
    entry.reading += 1;
    if (readNow && entry.listeners.size > 0) read(name);
  }
}

onCallDone((name) => {
  // After a logout the pages on screen are leaving: nothing is read until the next login shows them.
  if (name === 'auth.logout') invalidateReferenceLists(referenceLists, false);
  else invalidateReferenceLists(changedBy(name));
});

/** A list as a store outside React: subscribe (a list on screen is read when stale) and its current state. */
export function referenceStore<N extends ReferenceList>(name: N): { readonly subscribe: (listener: () => void) => () => void; readonly current: () => Loaded<CallOutput<N>> } {
  const entry = entryOf(name);
  // The contract's promise for this call: the entry holds what invoke(name) answered.
  return { subscribe: entry.subscribe, current: () => entry.loaded as Loaded<CallOutput<N>> };
}

/** One reference list, read once and shared; it is read again after a write that may change it. */
export function useReferenceList<N extends ReferenceList>(name: N): Loaded<CallOutput<N>> {
  const store = referenceStore(name);
  return useSyncExternalStore(store.subscribe, store.current);
}
