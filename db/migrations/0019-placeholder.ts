import type { Migration } from './migration';

/**
 * A placeholder on the legacy22 branch only: version 19 belongs to another branch's migration, and the
 * chain must be contiguous for 0020 to run here. At the merge this file and its registry line give way
 * to the real 0019.
 */
export const placeholder19: Migration = {
  version: 19,
  name: 'placeholder-19',
  sql: '',
};
