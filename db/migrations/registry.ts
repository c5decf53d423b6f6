import { foundation } from './0001-foundation';
import { register } from './0002-register';
import type { Migration } from './migration';

/** Every migration, in order. Append only: version N is at index N-1. */
export const migrations: readonly Migration[] = Object.freeze([foundation, register]);

export const schemaVersion = migrations.length;
