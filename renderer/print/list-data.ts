import type { Result } from '../../api/result';
import type { DeadlineBoard, HotspotView, LocalityView, OfficeView, OfficerView, PersonView, ProgramKindView, ProgramView } from '../../api/views';
import { invoke } from '../api-client';
import { loadAllPages, loadEach, type Progress } from './load-all';
import { listText } from './print-list-text';
import type { HotspotPrintQuery, ProgramPrintQuery } from './print-route';

/** What the printed lists read: each from the call its page uses, every page of it, with progress. */

type OnProgress = (progress: Progress) => void;
type IsCancelled = () => boolean;

export interface DeadlinesData {
  readonly office: OfficeView;
  readonly withinDays: number;
  /** The board the deadlines page shows: overdue, due today and due within the days, most urgent first. */
  readonly board: DeadlineBoard;
}

export async function loadDeadlines(withinDays: number): Promise<Result<DeadlinesData>> {
  const [office, board] = await Promise.all([invoke('office.get', {}), invoke('reports.deadlines', { withinDays })]);
  if (!office.ok) return office;
  if (!board.ok) return board;
  return { ok: true, value: { office: office.value, withinDays, board: board.value } };
}

export interface HotspotsData {
  readonly office: OfficeView;
  readonly query: HotspotPrintQuery;
  readonly localities: readonly LocalityView[];
  /** Every hotspot the filters find, in the list's order, each with its checks and linked people. */
  readonly hotspots: readonly HotspotView[];
}

/** The hotspot list page after page, then each hotspot (its address, last check and people are not in a list row). */
export async function loadHotspots(query: HotspotPrintQuery, onProgress: OnProgress, isCancelled: IsCancelled): Promise<Result<HotspotsData>> {
  const [office, localities] = await Promise.all([invoke('office.get', {}), invoke('localities.list', {})]);
  if (!office.ok) return office;
  if (!localities.ok) return localities;
  const rows = await loadAllPages(
    (offset, limit) => invoke('hotspots.list', { ...query, offset, limit }),
    isCancelled,
    (_rows, done, total) => onProgress({ step: listText.steps.list, done, total }),
  );
  if (!rows.ok) return rows;
  const total = rows.value.length;
  const hotspots = await loadEach(rows.value, (row) => invoke('hotspots.get', { id: row.id }), isCancelled, (done) =>
    onProgress({ step: listText.steps.hotspots, done, total }),
  );
  if (!hotspots.ok) return hotspots;
  return { ok: true, value: { office: office.value, query, localities: localities.value, hotspots: hotspots.value } };
}

export interface ProgramsData {
  readonly office: OfficeView;
  readonly query: ProgramPrintQuery;
  readonly kinds: readonly ProgramKindView[];
  readonly localities: readonly LocalityView[];
  readonly officers: readonly OfficerView[];
  /** Every program the filters find, in the list's order. */
  readonly programs: readonly ProgramView[];
  /** The people of those programs, by id (a person no longer on file is missing). */
  readonly persons: ReadonlyMap<string, PersonView>;
}

/** Above this many people, those with an active program are read by kind, 500 a call, rather than one by one. */
const BULK_FROM = 100;

/**
 * The people of the programs: by kind in pages (persons.list finds those with an active program of a
 * kind), then one by one for the rest (ended programs). A person not found is left out, not an error.
 */
async function loadPersons(programs: readonly ProgramView[], onProgress: OnProgress, isCancelled: IsCancelled): Promise<Result<Map<string, PersonView>>> {
  const wanted = new Set(programs.map((program) => program.personId));
  const found = new Map<string, PersonView>();
  const report = () => onProgress({ step: listText.steps.persons, done: found.size, total: wanted.size });
  if (wanted.size > BULK_FROM) {
    for (const kind of new Set(programs.filter((program) => program.status === 'active').map((program) => program.kindCode))) {
      const listed = await loadAllPages(
        (offset, limit) => invoke('persons.list', { programKind: kind, offset, limit }),
        isCancelled,
        (rows) => {
          for (const person of rows) if (wanted.has(person.id)) found.set(person.id, person);
          report();
        },
      );
      if (!listed.ok) return listed;
    }
  }
  const missing = [...wanted].filter((id) => !found.has(id));
  const read = await loadEach(
    missing,
    async (id): Promise<Result<PersonView | null>> => {
      const person = await invoke('persons.get', { id });
      if (!person.ok && person.error.code === 'record.not_found') return { ok: true, value: null };
      return person;
    },
    isCancelled,
    (done) => onProgress({ step: listText.steps.persons, done: wanted.size - missing.length + done, total: wanted.size }),
  );
  if (!read.ok) return read;
  for (const person of read.value) if (person) found.set(person.id, person);
  return { ok: true, value: found };
}

export async function loadPrograms(query: ProgramPrintQuery, onProgress: OnProgress, isCancelled: IsCancelled): Promise<Result<ProgramsData>> {
  const [office, kinds, localities, officers] = await Promise.all([
    invoke('office.get', {}),
    invoke('programs.kinds', {}),
    invoke('localities.list', {}),
    invoke('users.officers', {}),
  ]);
  if (!office.ok) return office;
  if (!kinds.ok) return kinds;
  if (!localities.ok) return localities;
  if (!officers.ok) return officers;
  const programs = await loadAllPages(
    (offset, limit) => invoke('programs.list', { ...query, offset, limit }),
    isCancelled,
    (_rows, done, total) => onProgress({ step: listText.steps.list, done, total }),
  );
  if (!programs.ok) return programs;
  const persons = await loadPersons(programs.value, onProgress, isCancelled);
  if (!persons.ok) return persons;
  return {
    ok: true,
    value: { office: office.value, query, kinds: kinds.value, localities: localities.value, officers: officers.value, programs: programs.value, persons: persons.value },
  };
}
