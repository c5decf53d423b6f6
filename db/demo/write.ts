import type { OpenStore } from '../backend';
import type { RecordLine } from '../exchange/export';
import { writeRecords } from '../exchange/import';
import { first, qb } from '../query';
import { loadHolidays } from '../register/deadline-columns';
import { optimizeSearchIndex } from '../register/search-index';
import { readSettings } from '../settings';
import type { Sqlite } from '../store';
import type { WritePath } from '../write-path';
import { generateRecords, type GeneratorInput } from './generator';

/** Lines per call of the bulk path: each call is one transaction, so memory stays flat. */
export const CHUNK_LINES = 20_000;

export interface WriteOptions {
  readonly now: number;
  readonly userId: string | null;
  readonly chunk?: number;
  /** After each chunk: lines written so far and the count by table. */
  readonly onProgress?: (written: number, byTable: Readonly<Record<string, number>>) => void;
}

export interface WriteSummary {
  readonly records: number;
  readonly byTable: Record<string, number>;
}

/**
 * Writes generated records through the bulk path (the import's rules and derived data) in chunks, each
 * chunk one transaction of `writeRecords`. Every line must come out `new` (a voided one `deleted`: a new
 * tombstone), or this fails loudly naming the first line that does not: a line whose record the store
 * holds already is found before its chunk is written (nothing of that chunk is written); a line the
 * bulk path refused is found after, as the first one the store does not hold as given.
 *
 * (The chunk is not wrapped in an outer transaction to roll it back: nesting the bulk path's
 * transaction as a savepoint made each chunk slower than the one before.)
 */
export function writeGenerated(db: Sqlite, writes: WritePath, lines: Iterable<RecordLine>, options: WriteOptions): WriteSummary {
  const size = options.chunk ?? CHUNK_LINES;
  const by = { now: options.now, userId: options.userId };
  const byTable: Record<string, number> = {};
  let records = 0;
  const flush = (batch: RecordLine[]) => {
    if (batch.length === 0) return;
    const there = batch.find((line) => stored(db, line) !== undefined);
    if (there) throw new Error(`generated records refused: ${there.t} ${String(there.r.id)} is in the store already`);
    const counts = writeRecords(db, writes, batch, by);
    const voided = batch.filter((line) => line.r.deleted_at !== null).length;
    if (counts.new !== batch.length - voided || counts.deleted !== voided) {
      const refused = batch.find((line) => stored(db, line)?.version !== line.r.version);
      const what = refused ? `${refused.t} ${String(refused.r.id)} was not written: ${JSON.stringify(refused.r)}` : 'no line found';
      throw new Error(`generated records refused (${JSON.stringify(counts)}): ${what}`);
    }
    records += batch.length;
    for (const line of batch) byTable[line.t] = (byTable[line.t] ?? 0) + 1;
    options.onProgress?.(records, byTable);
  };
  let batch: RecordLine[] = [];
  for (const line of lines) {
    batch.push(line);
    if (batch.length >= size) {
      flush(batch);
      batch = [];
    }
  }
  flush(batch);
  // A store written in one go is searched from one segment of the search index.
  optimizeSearchIndex(db);
  return { records, byTable };
}

/** The stored version of a line's record, if the store holds it. */
function stored(db: Sqlite, line: RecordLine): { version: string } | undefined {
  return first(db, qb.selectFrom(line.t as 'reports').select('version').where('id', '=', String(line.r.id)));
}

export type FillOptions = Omit<GeneratorInput, 'holidays' | 'settings' | 'ownOfficeCode'> & Omit<WriteOptions, 'now'>;

/** Generates records into an open store: its holidays and settings for the deadlines, its own office kept. */
export function fillStore(store: OpenStore, options: FillOptions): WriteSummary {
  const lines = generateRecords({ ...options, holidays: loadHolidays(store.sql), settings: readSettings(store.sql), ownOfficeCode: store.officeId });
  return writeGenerated(store.sql, store.writes, lines, options);
}
