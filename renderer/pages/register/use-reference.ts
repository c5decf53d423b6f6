import type { CategoryView, LocalityView, OfficerView } from '../../../api/views';
import type { Loaded } from '../../data/use-call';
import { useReferenceList } from '../../data/reference-lists';

/** What the register's pages look names up in: categories, villages, and the officers who can handle a report. */
export interface Reference {
  readonly categories: readonly CategoryView[];
  readonly localities: readonly LocalityView[];
  readonly officers: readonly OfficerView[];
}

export function useReference(): Loaded<Reference> {
  const categories = useReferenceList('categories.list');
  const localities = useReferenceList('localities.list');
  const officers = useReferenceList('users.officers');
  for (const loaded of [categories, localities, officers]) {
    if (loaded.status === 'failed') return { status: 'failed', error: loaded.error };
  }
  if (categories.status !== 'ready' || localities.status !== 'ready' || officers.status !== 'ready') return { status: 'loading' };
  return { status: 'ready', value: { categories: categories.value, localities: localities.value, officers: officers.value } };
}
