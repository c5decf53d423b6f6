import { baseline } from './0018-baseline';
import { subjects } from './0019-subjects';
import { legacyRegisters } from './0020-legacy-registers';
import { programKindPersons } from './0021-program-kind-persons';
import { listIndexes } from './0022-list-indexes';
import type { PostgresMigration } from './migration';

/**
 * The PostgreSQL schema's steps: a baseline equal to SQLite's at its version, then one step per later
 * SQLite migration, with the same version.
 */
export const postgresMigrations: readonly PostgresMigration[] = [baseline, subjects, legacyRegisters, programKindPersons, listIndexes];
