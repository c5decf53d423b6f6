
import type { Sqlite } from '../store';

/** One step of the schema: SQL run, then its data step if any, with its version bump, in one transaction. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
  /** What SQL cannot do, run after it: rows written again through the app's own code (text it folds). */
  readonly data?: (db: Sqlite) => void;
}
