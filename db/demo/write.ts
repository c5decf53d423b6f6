import type { ImportCounts } from '../../api/views';
import type { OpenStore } from '../backend';
import type { RecordLine } from '../exchange/export';
import { writeRecords } from '../exchange/import';
import { loadHolidays } from '../register/deadline-columns';
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

class Refused extends Error {}

/**
 * Writes generated records through the bulk path (the import's rules and derived data) in chunks.
 * Every line must come out `new` (a voided one `deleted`: a new tombstone): otherwise the chunk is rolled back and the error names the first
 * line refused and how (found by trying the chunk again line by line, then rolling that back too).
 */
export function writeGenerated(db: Sqlite, writes: WritePath, lines: Iterable<RecordLine>, options: WriteOptions): WriteSummary {
  const size = options.chunk ?? CHUNK_LINES;
  const by = { now: options.now, userId: options.userId };
  const byTable: Record<string, number> = {};
  let records = 0;
  const apply = db.transaction((batch: RecordLine[]): ImportCounts => {
    const counts = writeRecords(db, writes, batch, by);
    const voided = batch.filter((line) => line.r.deleted_at !== null).length;
    if (counts.new !== batch.length - voided || counts.deleted !== voided) throw new Refused(JSON.stringify(counts));
    return counts;
  });
  const flush = (batch: RecordLine[]) => {
    if (batch.length === 0) return;
    try {
      apply(batch);
    } catch (error) {
      if (error instanceof Refused) throw new Error(`generated records refused (${error.message}): ${firstRefused(db, writes, batch, by)}`);
      throw error;
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
  return { records, byTable };
}

/** The first line of a batch the bulk path does not take as new, with its outcome; nothing is kept. */
function firstRefused(db: Sqlite, writes: WritePath, batch: readonly RecordLine[], by: { now: number; userId: string | null }): string {
  let found = 'none found line by line';
  try {
    db.transaction(() => {
      for (const line of batch) {
        const counts = writeRecords(db, writes, [line], by);
        if (counts[line.r.deleted_at === null ? 'new' : 'deleted'] !== 1) {
          const outcome = Object.entries(counts).find(([, n]) => n > 0)?.[0] ?? 'nothing';
          found = `${line.t} ${String(line.r.id)} came out ${outcome}: ${JSON.stringify(line.r)}`;
          break;
        }
      }
      throw new Refused('rolled back');
    })();
  } catch (error) {
    if (!(error instanceof Refused)) found = `${found}; trying line by line failed: ${String(error)}`;
  }
  return found;
}

export type FillOptions = Omit<GeneratorInput, 'holidays' | 'settings' | 'ownOfficeCode'> & Omit<WriteOptions, 'now'>;

/** Generates records into an open store: its holidays and settings for the deadlines, its own office kept. */
export function fillStore(store: OpenStore, options: FillOptions): WriteSummary {
  const lines = generateRecords({ ...options, holidays: loadHolidays(store.sql), settings: readSettings(store.sql), ownOfficeCode: store.officeId });
  return writeGenerated(store.sql, store.writes, lines, options);
}
