import type { LocalityView, OfficerView, ProgramKindView } from '../../../api/views';
import type { Loaded } from '../../data/use-call';
import { useReferenceList } from '../../data/reference-lists';

/** What the people, programs and hotspots pages look names up in: villages, officers, program kinds. */
export interface PeopleReference {
  readonly localities: readonly LocalityView[];
  readonly officers: readonly OfficerView[];
  readonly kinds: readonly ProgramKindView[];
}

export function usePeopleReference(): Loaded<PeopleReference> {
  const localities = useReferenceList('localities.list');
  const officers = useReferenceList('users.officers');
  const kinds = useReferenceList('programs.kinds');
  for (const loaded of [localities, officers, kinds]) {
    if (loaded.status === 'failed') return { status: 'failed', error: loaded.error };
  }
  if (localities.status !== 'ready' || officers.status !== 'ready' || kinds.status !== 'ready') return { status: 'loading' };
  return { status: 'ready', value: { localities: localities.value, officers: officers.value, kinds: kinds.value } };
}
