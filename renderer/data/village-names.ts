import type { LocalityView } from '../../api/views';

/**
 * The names of chosen villages in the one order of villages (the list's, db/office.ts byVillageName),
 * not in the order they were chosen or stored; an id no longer listed is shown as it is, last.
 */
export function villageNames(ids: readonly string[], localities: readonly LocalityView[]): string[] {
  const chosen = new Set(ids);
  const known = localities.filter((l) => chosen.has(l.id));
  const unknown = ids.filter((id) => !known.some((l) => l.id === id));
  return [...known.map((l) => l.name), ...unknown];
}
